import Testing
@testable import VoiceCloneAttribution

@Suite("VoiceMatcher")
struct VoiceMatcherTests {
    static let matcher: VoiceMatcher = {
        let clone = AttributionCandidate(
            name: "formal", texts: (0..<4).map { SyntheticWriter.formal.text(words: 1500, seed: UInt64(10 + $0)) })
        do { return try VoiceMatcher(clone: clone) } catch { fatalError("fixture: \(error)") }
    }()

    @Test func ownStyleScoresHighOtherStylesScoreLow() {
        let own = Self.matcher.match(SyntheticWriter.formal.text(words: 1500, seed: 99))
        let casual = Self.matcher.match(SyntheticWriter.casual.text(words: 1500, seed: 99))
        let narrative = Self.matcher.match(SyntheticWriter.narrative.text(words: 1500, seed: 99))
        #expect(own.score >= 50)
        #expect(casual.score <= 10)
        #expect(narrative.score <= 10)
        #expect(own.distance < narrative.distance && own.distance < casual.distance)
        #expect((0...100).contains(own.score))
    }

    @Test func aKnownDifferenceShowsUpAsTheLargestStyleDeviations() {
        var shortSentences = SyntheticWriter.formal
        shortSentences.sentenceLength = 6...9
        shortSentences.semicolonChance = 0
        let result = Self.matcher.match(shortSentences.text(words: 1500, seed: 5))
        let top = result.styleDeviations.prefix(4).compactMap(\.styleFeature)
        #expect(top.contains(.meanSentenceLength) || top.contains(.fullStops))
        let semicolons = result.styleDeviations.first { $0.styleFeature == .semicolons }
        #expect((semicolons?.z ?? 0) < -2)
        #expect(semicolons?.textRate == 0)
        let sentences = result.styleDeviations.first { $0.styleFeature == .meanSentenceLength }
        #expect((sentences?.textRate ?? 99) < 10 && (sentences?.cloneRate ?? 0) > 24)
        #expect(result.styleDeviations.count == StyleFeature.allCases.count)
        #expect(result.score < 50)
    }

    @Test func shortTextsAreScoredWithAWarning() {
        let result = Self.matcher.match(SyntheticWriter.formal.text(words: 80, seed: 4))
        #expect(result.warnings.first?.code == "short-text")
        #expect((0...100).contains(result.score))
    }

    @Test func batchMatchesSingle() {
        let texts = (0..<4).map { SyntheticWriter.formal.text(words: 300, seed: UInt64(70 + $0)) }
        #expect(Self.matcher.match(texts) == texts.map { Self.matcher.match($0) })
    }
}
