import Foundation
import Testing
@testable import VoiceCloneAttribution

@Suite("Attributor")
struct AttributorTests {
    static let writers: [(String, SyntheticWriter)] = [
        ("formal", .formal), ("casual", .casual), ("narrative", .narrative),
    ]

    /// Three samples of about 1,500 words per writer.
    static func candidates() -> [AttributionCandidate] {
        writers.enumerated().map { index, writer in
            AttributionCandidate(
                name: writer.0,
                texts: (0..<3).map { writer.1.text(words: 1500, seed: UInt64(100 * index + $0)) })
        }
    }

    static let attributor: Attributor = {
        do { return try Attributor(candidates: candidates()) } catch { fatalError("fixture: \(error)") }
    }()

    @Test func ranksTheTrueWriterFirstWithMostProbability() {
        for (index, writer) in Self.writers.enumerated() {
            let result = Self.attributor.attribute(writer.1.text(words: 1200, seed: UInt64(9000 + index)))
            #expect(result.best == writer.0)
            #expect(result.ranking.count == 3)
            #expect(result.ranking[0].clone == writer.0)
            #expect(result.ranking[0].probability > 0.5)
            #expect(zip(result.ranking, result.ranking.dropFirst()).allSatisfy { $0.distance <= $1.distance })
            #expect(abs(result.ranking.map(\.probability).reduce(0, +) - 1) < 1e-9)
            #expect(result.warnings.allSatisfy { $0.code != "short-text" })
            #expect(!result.drivers.isEmpty)
        }
    }

    @Test func selfTestOnHeldOutSamplesIsPerfectForClearlyDifferentWriters() {
        #expect(Self.attributor.calibration.chunks > 0)
        #expect(Self.attributor.calibration.accuracy == 1)
        #expect(Self.attributor.calibration.temperature > 0)
    }

    @Test func driversExplainTheDecisionWithTheWritersWords() throws {
        let attributor = try Attributor(candidates: Self.candidates(), settings: AttributionSettings(culling: 0))
        let result = attributor.attribute(SyntheticWriter.formal.text(words: 1500, seed: 777))
        let features = Set(result.drivers.map(\.feature))
        let formalOnly: Set<String> = ["whilst", "indeed", "upon", "shall", "moreover", "which"]
        #expect(!features.isDisjoint(with: formalOnly))
        #expect(result.drivers.allSatisfy { $0.contribution > 0 })
    }

    @Test func batchMatchesSingleAttributionsInOrder() {
        let texts = (0..<12).map { Self.writers[$0 % 3].1.text(words: 400, seed: UInt64(5000 + $0)) }
        let batch = Self.attributor.attribute(texts, top: 2)
        #expect(batch.count == texts.count)
        for (text, result) in zip(texts, batch) {
            #expect(result == Self.attributor.attribute(text, top: 2))
            #expect(result.ranking.count == 2)
        }
        #expect(batch.map(\.best) == (0..<12).map { Self.writers[$0 % 3].0 })
    }

    @Test func shortTextsAreScoredWithAWarningAndAWiderBand() {
        let long = Self.attributor.attribute(SyntheticWriter.casual.text(words: 1500, seed: 42))
        let short = Self.attributor.attribute(SyntheticWriter.casual.text(words: 60, seed: 42))
        #expect(short.warnings.first?.code == "short-text")
        #expect(short.words < 100)
        #expect(short.ranking.count == 3)
        #expect(short.band.upper - short.band.lower > long.band.upper - long.band.lower)
        #expect(short.band.lower <= short.ranking[0].probability && short.ranking[0].probability <= short.band.upper)
        let empty = Self.attributor.attribute("")
        #expect(empty.words == 0)
        #expect(empty.warnings.first?.code == "short-text")
    }

    @Test func jsonHasTheDocumentedFieldsAndIsByteIdenticalAcrossRuns() throws {
        let text = SyntheticWriter.narrative.text(words: 800, seed: 3)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(Self.attributor.attribute(text))
        let rebuilt = try Attributor(candidates: Self.candidates())
        let second = try encoder.encode(rebuilt.attribute(text))
        #expect(first == second)
        let object = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(object["best"] as? String == "narrative")
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        #expect(Set(ranking[0].keys) == ["clone", "distance", "probability"])
    }

    @Test func burrowsDeltaAlsoRanksTheTrueWriterFirst() throws {
        let attributor = try Attributor(
            candidates: Self.candidates(), settings: AttributionSettings(distance: .burrowsDelta))
        let result = attributor.attribute(SyntheticWriter.casual.text(words: 1000, seed: 31))
        #expect(result.best == "casual")
    }

    @Test func pronounSettingRemovesPronounsFromTheWordFeatures() throws {
        let with = try Attributor(candidates: Self.candidates(), settings: AttributionSettings(culling: 0))
        let without = try Attributor(
            candidates: Self.candidates(), settings: AttributionSettings(culling: 0, countPronouns: false))
        #expect(with.layout.wordSpellings.contains("he"))
        #expect(!without.layout.wordSpellings.contains("he"))
        #expect(!without.layout.wordSpellings.contains("it's"))
    }

    @Test func cullingDropsWordsOnlyOneCandidateUses() throws {
        // Default culling (0.5): a word must occur in 2 of the 3 writers.
        #expect(!Self.attributor.layout.wordSpellings.contains("whilst"))
        #expect(Self.attributor.layout.wordSpellings.contains("question"))
        let all = try Attributor(candidates: Self.candidates(), settings: AttributionSettings(culling: 0))
        #expect(all.layout.wordSpellings.contains("whilst"))
        let strict = try Attributor(candidates: Self.candidates(), settings: AttributionSettings(culling: 1))
        #expect(!strict.layout.wordSpellings.contains("was"))
        #expect(strict.layout.wordSpellings.contains("the"))
    }

    @Test func badInputGivesClearErrors() {
        let one = [AttributionCandidate(name: "solo", texts: ["Some words here."])]
        #expect(throws: AttributionError.tooFewCandidates(count: 1)) { try Attributor(candidates: one) }
        #expect(throws: AttributionError.noCandidates) { try Attributor(candidates: []) }
        let twice = [AttributionCandidate(name: "a", texts: ["x y"]), AttributionCandidate(name: "a", texts: ["z"])]
        #expect(throws: AttributionError.duplicateCandidate(name: "a")) { try Attributor(candidates: twice) }
        let empty = [AttributionCandidate(name: "a", texts: ["x y"]), AttributionCandidate(name: "b", texts: ["  ", ""])]
        #expect(throws: AttributionError.emptyCandidate(name: "b")) { try Attributor(candidates: empty) }
        #expect(throws: AttributionError.invalidSetting(name: "culling", allowed: "0 to 1")) {
            try Attributor(candidates: Self.candidates(), settings: AttributionSettings(culling: 2))
        }
        let message = AttributionError.emptyCandidate(name: "b").errorDescription ?? ""
        #expect(message.contains("'b'") && message.contains("import samples"))
    }

    @Test func thinCandidatesAreFlaggedButStillRanked() throws {
        let candidates = [
            AttributionCandidate(name: "formal", texts: [SyntheticWriter.formal.text(words: 3000, seed: 1)]),
            AttributionCandidate(name: "casual", texts: [SyntheticWriter.casual.text(words: 300, seed: 2)]),
        ]
        let attributor = try Attributor(candidates: candidates)
        #expect(attributor.warnings.contains { $0.code == "little-training-text" && $0.message.contains("casual") })
        #expect(attributor.attribute(SyntheticWriter.casual.text(words: 500, seed: 8)).best == "casual")
    }
}
