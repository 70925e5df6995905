import Testing
@testable import VoiceCloneGeneration
import VoiceCloneTestSupport

@Suite struct KneserNeyModelTests {
    @Test(arguments: [2, 3, 4])
    func probabilitiesSumToOneOverTheVocabulary(order: Int) throws {
        let corpus = try VoiceCorpus(samples: GenerationFixtures.samples, options: LocalEngineOptions(order: order))
        let v = corpus.vocabulary
        let the = try #require(v.lookup("the")), morning = try #require(v.lookup("morning"))
        let quiet = try #require(v.lookup("quiet")), a = try #require(v.lookup("a"))
        let unseenPair: [Int32] = [Vocabulary.sentenceStart, morning, morning]
        let contexts: [[Int32]] = [
            [Vocabulary.sentenceStart],
            [Vocabulary.sentenceStart, a],
            [Vocabulary.sentenceStart, a, quiet],
            [a, quiet, morning],
            [the],
            unseenPair,
        ]
        for history in contexts {
            var sum = 0.0
            for id in 1..<v.count { sum += corpus.model.probability(Int32(id), history: history) }
            #expect(abs(sum - 1) < 1e-9, "context \(history.map { v[$0] }) sums to \(sum)")
            #expect(corpus.model.probability(Vocabulary.sentenceStart, history: history) == 0)
        }
    }

    @Test func seenContinuationsBeatUnseenOnes() throws {
        let corpus = try VoiceCorpus(samples: GenerationFixtures.samples, options: LocalEngineOptions())
        let v = corpus.vocabulary
        let history: [Int32] = [Vocabulary.sentenceStart, try #require(v.lookup("the")), try #require(v.lookup("kettle"))]
        let clicks = corpus.model.probability(try #require(v.lookup("clicks")), history: history)
        let grinders = corpus.model.probability(try #require(v.lookup("grinders")), history: history)
        #expect(clicks > 0.3)
        #expect(grinders > 0 && grinders < clicks / 100)
    }

    @Test func discountsFollowChenAndGoodman() {
        // n1 = 10, n2 = 5, n3 = 3, n4 = 2  →  Y = 0.5, D1 = 0.5, D2 = 1.1, D3+ = 3 - 4·0.5·2/3.
        let d = KneserNeyModel.discounts([0, 10, 5, 3, 2])
        #expect(abs(d.0 - 0.5) < 1e-12)
        #expect(abs(d.1 - 1.1) < 1e-12)
        #expect(abs(d.2 - (3 - 4.0 / 3)) < 1e-12)
        let fallback = KneserNeyModel.discounts([0, 3, 0, 0, 0])
        #expect(fallback == (0.5, 1.0, 1.5))
    }

    @Test func continuationCountsDriveTheLowestOrder() throws {
        // "francisco" follows only "san" (many times); "cat" follows many different words once each.
        let samples = [
            Array(repeating: "I saw San Francisco again.", count: 8).joined(separator: " ")
                + " A cat sat. The cat ran. My cat slept. One cat ate. Her cat hid. That cat won. Any cat will do.",
        ]
        let corpus = try VoiceCorpus(samples: samples, options: LocalEngineOptions(order: 2))
        let v = corpus.vocabulary
        let francisco = try #require(v.lookup("Francisco")), cat = try #require(v.lookup("cat"))
        #expect(corpus.model.unigramProbability(cat) > corpus.model.unigramProbability(francisco))
        #expect(corpus.frequency[Int(francisco)] > corpus.frequency[Int(cat)])
    }
}
