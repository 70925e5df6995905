import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Issue 8's second measurement: text generated from a 50/50 merge is closer (attribution distance) to both of its
/// sources than to the third voice, and the merged clone's texts come from its sources in proportion to the weights.
@Suite struct MergeGenerationTests {
    @Test func generatedTextSitsBetweenItsSourcesAndAwayFromTheThirdVoice() async throws {
        let (dir, ws) = try MergeTests.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        let merged = try ws.merges.create(sources: ["dana-okafor", "rex-talbot"], weights: [0.5, 0.5], name: "Dana Rex").clone
        let ws2 = try Workspace(vault: ws.vault, environment: [:])
        for seed: UInt64 in [1, 2, 3] {
            let report = try await ws2.generation.generate(GenerateOptions(clone: merged, platform: "generic", prompt: "shipping on a deadline",
                                                                length: .words(300), seed: seed).withEngine(.remix))
            let text = try #require(report.results.first?.piece.text)
            let file = try dir.write("piece-\(seed).md", text)
            let attribution = try ws2.attribution.attribute([file.path], clones: ["dana-okafor", "rex-talbot", "marguerite-holloway"])[0].get().attribution
            let distance = Dictionary(uniqueKeysWithValues: attribution.ranking.map { ($0.clone, $0.distance) })
            let third = try #require(distance["marguerite-holloway"])
            #expect(try #require(distance["dana-okafor"]) < third, "seed \(seed): \(distance)")
            #expect(try #require(distance["rex-talbot"]) < third, "seed \(seed): \(distance)")
        }
    }

    @Test func mergedVoiceDrawsOnItsSourcesByWeight() throws {
        let (dir, ws) = try MergeTests.analysedExampleVault()
        defer { withExtendedLifetime(dir) {} }
        let merged = try ws.merges.create(sources: ["dana-okafor", "marguerite-holloway"], weights: [0.75, 0.25], name: "Mostly Dana").clone
        let samples = try Workspace(vault: ws.vault, environment: [:]).samples.voiceSamples(of: merged)
        func words(_ prefix: String) -> Int {
            samples.filter { $0.id.hasPrefix(prefix + "/") }.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
        }
        let dana = words("dana-okafor"), marguerite = words("marguerite-holloway")
        #expect(dana + marguerite == samples.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count })
        let share = Double(dana) / Double(dana + marguerite)
        #expect(abs(share - 0.75) < 0.03, "Dana's share of the merged voice's text: \(share)")
        // No text of a source is repeated to reach a weight.
        #expect(Set(samples.map(\.id)).count == samples.count)
    }
}
