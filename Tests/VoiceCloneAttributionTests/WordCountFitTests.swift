import Testing
@testable import VoiceCloneAttribution

/// `fitWordCount`: the held-out chunks decide how many of the most frequent words attribution uses.
@Suite("Word-count fit")
struct WordCountFitTests {
    /// Made-up topic words shared by all writers: each sample dwells on its own 150 of them, as essays
    /// on different subjects do, so past the writers' style words the frequency list is topic noise.
    static let topicWords: [String] = {
        let onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"]
        let vowels = ["a", "e", "i", "o", "u"]
        var words: [String] = []
        for a in onsets { for b in vowels { for c in onsets { for d in vowels where words.count < 400 {
            words.append(a + b + c + d + "x")
        } } } }
        return words
    }()

    /// The writer's text with every fourth word replaced by one of the sample's topic words.
    static func sample(_ writer: SyntheticWriter, words: Int, seed: UInt64) -> String {
        var random = seed &* 0xD1B5_4A32_D192_ED03 &+ 7
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var pool = topicWords
        for i in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(i, next(i + 1)) }
        let topics = Array(pool.prefix(150))
        var tokens = writer.text(words: words, seed: seed).split(separator: " ").map(String.init)
        for i in stride(from: 3, to: tokens.count, by: 4) where tokens[i].last?.isLetter == true {
            tokens[i] = topics[next(topics.count)]
        }
        return tokens.joined(separator: " ")
    }

    static let candidates: [AttributionCandidate] = AttributorTests.writers.enumerated().map { index, writer in
        AttributionCandidate(name: writer.0, texts: (0..<6).map { sample(writer.1, words: 1200, seed: UInt64(300 * index + $0)) })
    }
    static let settings = AttributionSettings(mostFrequentWords: 800)
    static let probes = (0..<6).map { sample(AttributorTests.writers[$0 % 3].1, words: 300 + 100 * $0, seed: UInt64(7000 + $0)) }

    @Test func topicWordsInTheLongTailAreLeftOut() throws {
        let fitted = try Attributor(candidates: Self.candidates, settings: Self.settings)
        var all = Self.settings
        all.fitWordCount = false
        let unfitted = try Attributor(candidates: Self.candidates, settings: all)
        // The fixture's vocabulary: about 80 style words, then the topic words found in 2 of the 3 writers.
        #expect(unfitted.calibration.mostFrequentWords > 300)
        #expect(unfitted.calibration.mostFrequentWords == unfitted.layout.wordKeys.count)
        #expect(fitted.calibration.mostFrequentWords < unfitted.calibration.mostFrequentWords)
        #expect([400, 200, 100].contains(fitted.calibration.mostFrequentWords))
        #expect(fitted.layout.wordKeys == Array(unfitted.layout.wordKeys.prefix(fitted.calibration.mostFrequentWords)))
    }

    @Test func theFittedCountGivesWhatBuildingWithThatCountGives() throws {
        let fitted = try Attributor(candidates: Self.candidates, settings: Self.settings)
        let count = fitted.calibration.mostFrequentWords
        let direct = try Attributor(
            candidates: Self.candidates, settings: AttributionSettings(mostFrequentWords: count, fitWordCount: false))
        #expect(direct.layout.wordKeys == fitted.layout.wordKeys)
        #expect(direct.layout.ngramKeys == fitted.layout.ngramKeys)
        #expect(direct.calibration == fitted.calibration)
        #expect(direct.attribute(Self.probes) == fitted.attribute(Self.probes))
    }

    @Test func tooFewHeldOutChunksKeepEveryWord() throws {
        // One sample of 1,200 words per writer: a single chunk each, nothing to fit on.
        let thin = Self.candidates.map { AttributionCandidate(name: $0.name, texts: [$0.texts[0]]) }
        let attributor = try Attributor(candidates: thin, settings: Self.settings)
        #expect(attributor.calibration.mostFrequentWords == attributor.layout.wordKeys.count)
    }
}
