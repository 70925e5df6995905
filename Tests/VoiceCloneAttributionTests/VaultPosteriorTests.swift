import Foundation
import Testing
@testable import VoiceCloneAttribution

/// The vault posterior (issue 16): one text has at most one author among the vault's voices, so the voices'
/// verification probabilities become one distribution over {each voice, none of them}.
@Suite("Vault posterior")
struct VaultPosteriorTests {
    static func near(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) < tolerance }

    @Test func twoHighVoicesCannotBothClaimTheText() {
        // p = 0.9 and 0.6: odds 9 and 1.5, mean 5.25, so P(one of them) = 5.25 / 6.25 = 0.84, split 9 : 1.5
        // (independence, no closed-set model): 0.72 and 0.12; none 0.16. The weaker voice drops far below its own 0.6.
        let posterior = VaultPosterior(probabilities: [0.9, 0.6])
        #expect(Self.near(posterior.voices[0], 0.72))
        #expect(Self.near(posterior.voices[1], 0.12))
        #expect(Self.near(posterior.none, 0.16))
        #expect(Self.near(posterior.voices.reduce(0, +) + posterior.none, 1))
        #expect(posterior.rival(of: 1)?.index == 0)
        // Both at 0.9 with a closed-set model saying 4 : 1 for the second: odds 9 and 9, P(one of them) 0.9,
        // split 0.2 / 0.8.
        let split = VaultPosterior(probabilities: [0.9, 0.9], within: [0.2, 0.8])
        #expect(Self.near(split.voices[0], 0.18) && Self.near(split.voices[1], 0.72) && Self.near(split.none, 0.1))
    }

    @Test func aLoneVoiceKeepsItsProbability() {
        for p in [0.03, 0.5, 0.73, 0.99] {
            let posterior = VaultPosterior(probabilities: [p])
            #expect(Self.near(posterior.voices[0], p) && Self.near(posterior.none, 1 - p))
            #expect(posterior.rival(of: 0) == nil)
            // A closed-set split has nothing to split with one voice.
            #expect(Self.near(VaultPosterior(probabilities: [p], within: [1]).voices[0], p))
        }
    }

    @Test func allLowMeansNoneOfThem() {
        // Odds 1/9, 1/19, 1/4: mean 0.1380, so none = 1 / 1.1380 = 0.8787, above every voice.
        let posterior = VaultPosterior(probabilities: [0.1, 0.05, 0.2])
        let meanOdds: Double = (1.0 / 9 + 1.0 / 19 + 0.25) / 3
        let expected: Double = 1 / (1 + meanOdds)
        #expect(Self.near(posterior.none, expected))
        #expect(posterior.voices.allSatisfy { $0 < posterior.none })
        #expect(posterior.voices[2] > posterior.voices[0] && posterior.voices[0] > posterior.voices[1])
    }

    @Test func aLoneVoiceInAVaultIsUnaffected() throws {
        let voice = AttributionCandidate(name: "plain", texts: (0..<4).map { PhraseWriter.plain.text(words: 1200, seed: UInt64($0)) })
        let cache = VoiceVerifierCache(candidates: [voice])
        let text = PhraseWriter.plain.text(words: 300, seed: 901)
        let result = try #require(try cache.verify(text, clone: "plain"))
        #expect(result.voiceProbability == result.probability)
        #expect(result.noneProbability == nil && result.rival == nil)
    }

    @Test func matchPrefersTheRightOfTwoCloseVoices() throws {
        // plain and measured share every noun, adjective and verb; only their phrasing differs. Each text's own
        // voice gets most of the posterior, the other voice little, and the two never add up to more than one.
        let candidates = JudgementTests.candidates().filter { $0.name != "lively" }
        let cache = VoiceVerifierCache(candidates: candidates)
        for (index, writer) in [(0, PhraseWriter.plain), (1, PhraseWriter.measured)] {
            let text = writer.text(words: 300, seed: UInt64(610 + index))
            let own = try #require(try cache.verify(text, clone: candidates[index].name))
            let other = try #require(try cache.verify(text, clone: candidates[1 - index].name))
            #expect(own.probability > 0.7)
            #expect(other.probability < 0.2)
            #expect(own.probability + other.probability <= 1 + 1e-9)
            #expect(other.rival == candidates[index].name)
            let none = try #require(own.noneProbability)
            #expect(own.probability + other.probability + none <= 1 + 1e-9)
        }
    }

    @Test func shuffledShortTextIsCappedByWordOrder() throws {
        let cache = VoiceVerifierCache(candidates: JudgementTests.candidates())
        let own = PhraseWriter.plain.text(words: 150, seed: 4242)
        let genuine = try #require(try cache.verify(own, clone: "plain"))
        let shuffled = try #require(try cache.verify(PhraseWriter.shuffled(own, seed: 7), clone: "plain"))
        #expect(shuffled.probability < 0.10)
        #expect(shuffled.probability < genuine.probability)
        let ownShuffled = try #require(shuffled.voiceProbability), ownGenuine = try #require(genuine.voiceProbability)
        #expect(ownShuffled < ownGenuine)
        #expect(shuffled.wordOrder.z < genuine.wordOrder.z)
        // The cap is fitted to rise with fluency.
        let verifier = try cache.verifier(forWords: 150)
        #expect(verifier.orderCap.count == 2 && verifier.orderCap[1] > 0)
    }

    @Test func attributeRefusesThroughThePosterior() throws {
        let vault = JudgementTests.candidates()
        let stranger = PhraseWriter.technical.text(words: 300, seed: 55)
        let own = PhraseWriter.lively.text(words: 300, seed: 58)
        let results = try VoiceAttribution.attribute([stranger, own], candidates: vault)
        let refused = try #require(results[0].openSet)
        let none = try #require(refused.noneProbability)
        #expect(refused.noneOfThese && results[0].author == nil)
        #expect(none > refused.sameWriterProbability && refused.sameWriterProbability < refused.threshold)
        let named = try #require(results[1].openSet)
        #expect(!named.noneOfThese && results[1].author == "lively")
        #expect((named.noneProbability ?? 1) < named.sameWriterProbability)
        // A posterior never gives the best voice and none together more than one.
        for verdict in [refused, named] { #expect(verdict.sameWriterProbability + (verdict.noneProbability ?? 0) <= 1 + 1e-9) }
    }
}
