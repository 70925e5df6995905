import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneTestSupport

/// Blend arithmetic on DNAs whose numbers are set by hand.
@Suite struct VoiceBlenderTests {
    /// Two analysed DNAs (so every section is well-formed) with the traits under test overwritten.
    static func pair() throws -> (VoiceDNA, VoiceDNA) {
        var a = try VoiceAnalyzer().analyze((0..<3).map { AnalysisSample(id: "t\($0)", text: StyledText.terse(UInt64($0)), contentType: .blog) })
        var b = try VoiceAnalyzer().analyze((0..<2).map { AnalysisSample(id: "o\($0)", text: StyledText.ornate(UInt64($0)), contentType: .essay) })
        a.clone = "a"; a.version = 2
        b.clone = "b"; b.version = 5
        a.lexical.meanWordLength = 4; b.lexical.meanWordLength = 6
        a.sentences.meanLength = 10; b.sentences.meanLength = 30
        a.sentences.standardDeviation = 5; b.sentences.standardDeviation = 15
        a.sentences.count = 100; b.sentences.count = 50
        a.punctuation.comma = 20; b.punctuation.comma = 80
        a.punctuation.oxfordCommaRate = 1; b.punctuation.oxfordCommaRate = nil
        a.readability.fleschReadingEase = 80; b.readability.fleschReadingEase = 40
        a.sentences.openers = [WordShare(word: "i", share: 0.4), WordShare(word: "so", share: 0.2)]
        b.sentences.openers = [WordShare(word: "the", share: 0.5), WordShare(word: "i", share: 0.1)]
        a.spelling.usShare = 1; a.spelling.preference = "us"
        b.spelling.usShare = 0; b.spelling.preference = "uk"
        return (a, b)
    }

    @Test func numericTraitsAreWeightedMeans() throws {
        let (a, b) = try Self.pair()
        let m = try VoiceBlender().blend([BlendSource(clone: "a", weight: 0.25, dna: a), BlendSource(clone: "b", weight: 0.75, dna: b)])
        #expect(m.lexical.meanWordLength == 5.5)            // 0.25 * 4 + 0.75 * 6
        #expect(m.sentences.meanLength == 25)               // 0.25 * 10 + 0.75 * 30
        #expect(m.sentences.standardDeviation == 12.5)      // 0.25 * 5 + 0.75 * 15
        #expect(m.sentences.count == 63)                    // 0.25 * 100 + 0.75 * 50 = 62.5, rounded
        #expect(m.punctuation.comma == 65)                  // 0.25 * 20 + 0.75 * 80
        #expect(m.readability.fleschReadingEase == 50)      // 0.25 * 80 + 0.75 * 40
        // Burstiness recomputed from the blended spread and mean: (12.5 - 25) / (12.5 + 25) = -1/3.
        #expect(abs(m.sentences.burstiness + 1.0 / 3) < 1e-12)
        // Only a has lists: its Oxford comma rate stands alone rather than being halved.
        #expect(m.punctuation.oxfordCommaRate == 1)
        // US share 0.25 -> "mixed".
        #expect(m.spelling.usShare == 0.25 && m.spelling.preference == "mixed")
    }

    @Test func distributionsAreWeightedMixtures() throws {
        let (a, b) = try Self.pair()
        let m = try VoiceBlender().blend([BlendSource(clone: "a", weight: 0.5, dna: a), BlendSource(clone: "b", weight: 0.5, dna: b)])
        // i: 0.5 * 0.4 + 0.5 * 0.1 = 0.25; the: 0.5 * 0.5 = 0.25; so: 0.5 * 0.2 = 0.1. Ties alphabetical; the
        // list keeps as many entries as the longest source list (2), so "so" drops out.
        #expect(m.sentences.openers.map(\.word) == ["i", "the"])
        #expect(m.sentences.openers.map(\.share) == [0.25, 0.25])
        // Histogram bins mix bin by bin and still sum to 1.
        for (k, bin) in m.sentences.histogram.enumerated() {
            #expect(abs(bin.share - (a.sentences.histogram[k].share + b.sentences.histogram[k].share) / 2) < 1e-12)
        }
        #expect(abs(m.sentences.histogram.reduce(0) { $0 + $1.share } - 1) < 1e-9)
        let words = m.functionWords.mostFrequent
        #expect(words.count == max(a.functionWords.mostFrequent.count, b.functionWords.mostFrequent.count))
        let the = (a.functionWords.mostFrequent.first { $0.word == "the" }?.share ?? 0) / 2 + (b.functionWords.mostFrequent.first { $0.word == "the" }?.share ?? 0) / 2
        #expect(abs((words.first { $0.word == "the" }?.share ?? -1) - the) < 1e-12)
    }

    @Test func corpusSumsAndProvenanceRecordsSources() throws {
        let (a, b) = try Self.pair()
        let m = try VoiceBlender().blend([BlendSource(clone: "a", weight: 0.7, dna: a), BlendSource(clone: "b", weight: 0.3, dna: b)])
        #expect(m.corpus.samples == 5 && m.corpus.words == a.corpus.words + b.corpus.words)
        #expect(m.corpus.contentTypes.map(\.type.rawValue) == ["blog", "essay"])
        #expect(m.corpus.sampleIds == ["a/t0", "a/t1", "a/t2", "b/o0", "b/o1"])
        #expect(m.merge == MergeProvenance(sources: [MergeSource(clone: "a", weight: 0.7, dnaVersion: 2), MergeSource(clone: "b", weight: 0.3, dnaVersion: 5)]))
        #expect(m.clone == "" && m.version == 0 && m.qualitative == nil)
        let c = m.confidence
        #expect(c.score == Int((c.breakdown.wordCount + c.breakdown.samples + c.breakdown.variety + c.breakdown.lengthSpread + c.breakdown.consistency).rounded()))
    }

    @Test func signatureIsAWeightedUnion() throws {
        var (a, b) = try Self.pair()
        let template = try #require(a.signature.distinctiveWords.first ?? b.signature.distinctiveWords.first)
        func term(_ t: String, _ score: Double) -> SignatureTerm { var x = template; x.term = t; x.score = score; x.against = "english"; x.count = 10; return x }
        a.signature.distinctiveWords = [term("shared", 4), term("onlya", 6)]
        b.signature.distinctiveWords = [term("shared", 4), term("onlyb", 3)]
        let m = try VoiceBlender().blend([BlendSource(clone: "a", weight: 0.5, dna: a), BlendSource(clone: "b", weight: 0.5, dna: b)])
        // shared: 0.5 * 4 + 0.5 * 4 = 4; onlya: 3; onlyb: 1.5.
        #expect(m.signature.distinctiveWords.map(\.term) == ["shared", "onlya", "onlyb"])
        #expect(m.signature.distinctiveWords.map(\.score) == [4, 3, 1.5])
        #expect(m.signature.distinctiveWords[0].count == 20)
    }

    @Test func blendingIsDeterministic() throws {
        let (a, b) = try Self.pair()
        let sources = [BlendSource(clone: "a", weight: 0.6, dna: a), BlendSource(clone: "b", weight: 0.4, dna: b)]
        #expect(try VoiceBlender().blend(sources).canonicalJSON() == VoiceBlender().blend(sources).canonicalJSON())
    }

    @Test func oneSourceIsRefused() throws {
        let (a, _) = try Self.pair()
        #expect(throws: VoiceMergeError.tooFewSources(1)) { try VoiceBlender().blend([BlendSource(clone: "a", weight: 1, dna: a)]) }
    }
}
