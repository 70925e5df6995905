import Foundation
import Testing
@testable import VoiceCloneAttribution

/// Issue 16, seventh pass: the final recalibration of `match`'s posterior on the vault's own held-out pieces, and the
/// open-set rule.
@Suite("Posterior recalibration and the open-set rule")
struct PosteriorRecalibrationTests {
    @Test func noCoefficientsLeaveThePosteriorAloneAndAFitRises() {
        for p in [0.0, 0.01, 0.3, 0.5, 0.97, 1.0] { #expect(PosteriorRecalibration.apply([], to: p) == p) }
        let coefficients = [0.4, 1.3]
        let mapped = [0.001, 0.05, 0.3, 0.5, 0.8, 0.999].map { PosteriorRecalibration.apply(coefficients, to: $0) }
        #expect(zip(mapped, mapped.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func aPosteriorThatIsTooLowForItsOwnWritersIsRaised() {
        // Same-writer pieces at a posterior of 0.3, every kind of different pair at 0.02: at even odds a posterior of
        // 0.3 means "the writer" and must read well above a half after the fit, 0.02 well below.
        var pairs: [(logit: Double, group: Int)] = []
        for k in 0..<60 {
            let jitter = Double(k % 7) * 0.05
            pairs.append((PosteriorRecalibration.logit(0.3 + jitter / 10), PosteriorRecalibration.Group.same.rawValue))
            pairs.append((PosteriorRecalibration.logit(0.02 + jitter / 100), PosteriorRecalibration.Group(rawValue: 1 + k % 3)!.rawValue))
        }
        let fitted = PosteriorRecalibration.fit(pairs)
        #expect(fitted.coefficients.count == 2 && fitted.same == 60 && fitted.different == 60)
        #expect(PosteriorRecalibration.apply(fitted.coefficients, to: 0.3) > 0.7)
        #expect(PosteriorRecalibration.apply(fitted.coefficients, to: 0.02) < 0.3)
        // Too few same-writer pieces (a small vault) change nothing either: a fit on them would pull every answer
        // toward a half. The same evidence, cut to one piece under the minimum, is left as it is.
        let few = PosteriorRecalibration.minimumSamePieces - 1
        let small = pairs.filter { $0.group != 0 } + pairs.filter { $0.group == 0 }.prefix(few)
        #expect(PosteriorRecalibration.fit(small).coefficients.isEmpty)
        #expect(!PosteriorRecalibration.fit(pairs.filter { $0.group != 0 } + pairs.filter { $0.group == 0 }.prefix(few + 1))
            .coefficients.isEmpty)
        // A fit that would fall (the writers' pieces lower than the others) changes nothing.
        let inverted = pairs.map { ($0.logit, $0.group == 0 ? 1 : 0) }
        #expect(PosteriorRecalibration.fit(inverted).coefficients.isEmpty)
    }

    @Test func heldOutSharesPointAtTheVerifiersOwnChunks() throws {
        // The recalibration finds each held-out piece among the verifier's chunks by index; in the 25-word bucket the
        // model trains on 50-word chunks, so the index must be the piece's place in the 25-word cut.
        let candidates = JudgementTests.candidates()
        for words in [25, 100] {
            let length = LearnedAttributor.chunkLength(forTextWords: words)
            let cut = candidates.map { LearnedAttributor.chunksBySample(of: $0, length: length, keepSequence: true) }
            let training = LearnedAttributor.TrainingChunks(candidates, textWords: words, cut: cut)
            let model = LearnedAttributor(names: candidates.map(\.name), training: training)
            #expect(!model.heldOutShares.isEmpty)
            for share in model.heldOutShares {
                let chunks = cut[share.voice].flatMap { $0 }
                let piece = try #require(chunks.indices.contains(share.piece) ? chunks[share.piece] : nil)
                #expect(piece.words <= length)
                #expect(abs(share.probabilities.reduce(0, +) - 1) < 1e-9)
            }
            // Held out: the last quarter of each voice's chunks, so the pieces sit at the end of the voice's cut.
            for v in candidates.indices {
                let indices = model.heldOutShares.filter { $0.voice == v }.map(\.piece)
                let count = cut[v].reduce(0) { $0 + $1.count }
                #expect(!indices.isEmpty && indices.min()! >= count / 2)
            }
            // The pieces are the verifier's chunks themselves: the same words.
            for v in candidates.indices {
                let chunks = cut[v].flatMap { $0 }
                for (piecesOfChunk, indicesOfChunk) in zip(training.pieces[v], training.pieceIndices[v]) {
                    for (piece, index) in zip(piecesOfChunk, indicesOfChunk) {
                        #expect(chunks[index].wordSequence == piece.wordSequence)
                    }
                }
            }
        }
    }

    @Test func matchPrintsTheRecalibratedPosterior() throws {
        let candidates = JudgementTests.candidates()
        // At 50 words the fixture's voices give enough held-out pieces (at least `minimumSamePieces`) for a fit.
        let small = try VoiceVerifier(candidates: candidates, textWords: 250)
        #expect(small.posteriorRecalibration.isEmpty, "a fit on fewer pieces than the minimum")
        let verifier = try VoiceVerifier(candidates: candidates, textWords: 50)
        #expect(verifier.posteriorRecalibration.count == 2)
        #expect(verifier.calibratedOn.contains("recalibrated"))
        let text = PhraseWriter.measured.text(words: 50, seed: 91)
        let caps = verifier.evidence(for: TextFeatures.whole(text, keepSequence: true)).map(\.cap)
        for (index, name) in verifier.candidateNames.enumerated() {
            let raw = verifier.posterior(text, question: .match(index)).voices[index]
            let result = try #require(verifier.verify(text, clone: name))
            let recalibrated = PosteriorRecalibration.apply(verifier.posteriorRecalibration, to: raw)
            #expect(abs(result.probability - min(recalibrated, caps[index])) < 1e-12)
            #expect(result.band.lower <= result.probability && result.probability <= result.band.upper)
        }
        // Shuffled, the writer's own words stay under the word-order cap however the recalibration lifts them.
        let shuffledText = PhraseWriter.shuffled(PhraseWriter.measured.text(words: 50, seed: 92), seed: 3)
        let shuffled = try #require(verifier.verify(shuffledText, clone: "measured"))
        let shuffledCap = verifier.evidence(for: TextFeatures.whole(shuffledText, keepSequence: true))[try #require(verifier.candidateNames.firstIndex(of: "measured"))].cap
        #expect(shuffled.probability <= shuffledCap && shuffled.probability <= 0.10)
        // A lone voice has no vault to recalibrate on.
        let lone = try VoiceVerifier(candidates: [candidates[0]], textWords: 250)
        #expect(lone.posteriorRecalibration.isEmpty)
    }

    @Test func openSetNamesAVoiceOnlyAtTheThreshold() throws {
        // The old rule also named a voice under the threshold whenever "none" was less probable than it.
        let sharedOut = OpenSetVerdict(sameWriterProbability: 0.6, noneProbability: 0.1, threshold: 0.75)
        #expect(sharedOut.noneOfThese)
        #expect(!OpenSetVerdict(sameWriterProbability: 0.8, noneProbability: 0.15, threshold: 0.75).noneOfThese)
        // The default is at least a half, so a named voice is always more probable than none of them.
        #expect(VoiceAttribution.defaultOpenSetThreshold >= 0.5)
        let vault = JudgementTests.candidates()
        let texts = [PhraseWriter.technical.text(words: 300, seed: 55), PhraseWriter.measured.text(words: 300, seed: 56),
                     PhraseWriter.plain.text(words: 120, seed: 57)]
        for result in try VoiceAttribution.attribute(texts, candidates: vault) {
            let verdict = try #require(result.openSet)
            #expect((result.author != nil) == (verdict.sameWriterProbability >= VoiceAttribution.defaultOpenSetThreshold))
            if result.author != nil { #expect(verdict.sameWriterProbability >= verdict.noneProbability ?? 1) }
        }
    }
}
