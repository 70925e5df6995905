import Foundation
import VoiceCloneText

/// The last step of the number `match` prints: a monotone recalibration of the vault posterior for `match`'s question
/// (`VaultPosterior.Question.match`), P = sigmoid(a + b · logit(posterior)), fitted on the vault's own samples only.
///
/// Why. The posterior's pieces are each calibrated, but not the whole: the voice's own probability at even odds
/// against a stranger, the closed-set shares on held-out chunks, and then a prior of a third each for the voice, a
/// stranger and another voice, which no data ever checked. The reliability tables of `voiceclone-bench judgement`
/// showed it too low almost everywhere (Enron pairs given 0.03 were the same writer 15% of the time, 0.55 → 78%,
/// 0.75 → 91%), mostly from that prior; the figures only motivated the step, nothing here is fitted on them.
///
/// What it is fitted on. The learned attributor holds out the last quarter of each voice's chunks and scores them with
/// a model trained without them (`LearnedAttributor.heldOutShares`); the verifier scores the same pieces with the
/// cross-fitted fold that left them out (`VaultSpace.crossFitted`: centroids, idf and word-order model without them),
/// so every input of the posterior is what a new text of the writer would get. Each piece gives four pairs, weighted
/// as the verifier's own calibration weighs its pairs (same and different at even odds, so 0.5 is even odds; the
/// different half: a stranger 0.1875, a vault-mate 0.1875, the words shuffled 0.125): against its own voice (same
/// writer), against another voice with its own voice left out of the vault (a stranger's text), against another voice
/// with its own voice present (a vault-mate's text: `match hamilton` on a Madison paper), and its words shuffled
/// against its own voice. The fit is Platt's regularised one (`PairLogistic.fitPlatt`); a slope that does not rise
/// leaves the posterior as it is. `VoiceVerifier` applies the word-order cap again afterwards. Never fitted on test
/// texts.
struct PosteriorRecalibration: Sendable {
    /// [a, b], or empty for no change.
    var coefficients: [Double]
    var same: Int
    var different: Int

    /// In the fit, logits beyond this are read as this, so a few near-certain pairs do not steer the slope.
    static let limit = 12.0

    /// Fewer same-writer pieces than this and the posterior is left as it is. The regularised fit pulls its slope
    /// toward flat and Platt's smoothed targets cap the top at (N + 1) / (N + 2): right for a first calibration, but
    /// for a second stage on a few pieces it pulls every answer toward 50%. In `example-vault` (3 voices, 30 samples:
    /// 6 same-writer pieces, 18 different) it turned Rex's own 149-word draft from 83% into 65% "uncertain", while
    /// `attribute` said 82%. With 50 pieces the smoothed target is 0.98 and the prior weighs 1/50 of the data.
    static let minimumSamePieces = 50

    init(coefficients: [Double], same: Int = 0, different: Int = 0) {
        self.coefficients = coefficients
        self.same = same
        self.different = different
    }

    /// The recalibrated probability; `posterior` itself when `coefficients` is empty.
    static func apply(_ coefficients: [Double], to posterior: Double) -> Double {
        guard coefficients.count == 2 else { return posterior }
        return PairLogistic.sigmoid(coefficients[0] + coefficients[1] * logit(posterior))
    }

    /// The logit with no ceiling but the ends of `Double`, so the map is strictly rising everywhere and a band keeps
    /// its width however near 0 or 1 its ends lie.
    static func logit(_ p: Double) -> Double {
        let c = min(1 - 1e-16, max(1e-300, p))
        return log(c) - log1p(-c)
    }

    /// Fits on the held-out pieces (see the type's comment). `coefficients` and `orderCap`: the verifier's fitted
    /// logistic and word-order cap; `orderMean`, `orderSpread`: each voice's held-out fluency statistics.
    init(shares: [LearnedAttributor.HeldOutShare], chunks: [[TextFeatures]], folds: [(space: VaultSpace, heldOut: [[Int]])],
         foldOrders: [[WordOrderModel]], coefficients: [Double], orderCap: [Double], orderMean: [Double], orderSpread: [Double]) {
        let voiceCount = chunks.count
        guard voiceCount >= 2, !shares.isEmpty, !folds.isEmpty, foldOrders.count == folds.count else {
            self.init(coefficients: [])
            return
        }
        // The fold that held each chunk out; a chunk no fold fitted (beyond the per-voice cap) is in no centroid, and
        // any fold may score it.
        var foldOf = [[Int: Int]](repeating: [:], count: voiceCount)
        for (f, fold) in folds.enumerated() {
            for v in 0..<voiceCount { for k in fold.heldOut[v] { foldOf[v][k] = f } }
        }
        let lookup = foldOf
        // Each piece's pairs as (logit of the posterior, group): 0 same, 1 stranger, 2 shuffled, 3 vault-mate.
        let found: [[(logit: Double, group: Int)]] = ParallelMap.map(shares.count) { i in
            let share = shares[i], v = share.voice
            guard chunks.indices.contains(v), chunks[v].indices.contains(share.piece), share.probabilities.count == voiceCount
            else { return [] }
            let f = lookup[v][share.piece] ?? 0
            let space = folds[f].space, order = foldOrders[f]
            guard space.counts[v] > 0 else { return [] }
            let chunk = chunks[v][share.piece]
            let cosines = space.cosines(space.space.row(chunk, sorted: false))
            // Every voice's own probability for the piece (word order from `sequence`), the text's own voice
            // `excluding` from the rivals that set each margin.
            func probabilities(_ sequence: [UInt64], excluding: Int?) -> [Double] {
                let classes = order[0].classSequence(sequence)
                return (0..<voiceCount).map { j in
                    let fluency = order[j].fluency(classes: classes)
                    let found = space.evidence(cosines: cosines, target: j, excluding: excluding)
                    let x = [1] + found.values + [VoiceVerifier.orderTerm(fluency, mean: orderMean[j], spread: orderSpread[j])]
                    let logit = zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }
                    return min(PairLogistic.sigmoid(logit),
                               VoiceVerifier.cap(z: (fluency - orderMean[j]) / orderSpread[j], coefficients: orderCap))
                }
            }
            var random = SeededRandom(seed: 0x5ec0 &+ UInt64(v) << 32 &+ UInt64(share.piece))
            let q = share.probabilities
            let inVault = probabilities(chunk.wordSequence, excluding: nil)
            var result: [(logit: Double, group: Int)] = []
            result.append((PosteriorRecalibration.logit(VaultPosterior(probabilities: inVault, within: q, question: .match(v)).voices[v]), 0))
            let others = (0..<voiceCount).filter { $0 != v && space.counts[$0] > 0 }
            if !others.isEmpty {
                let other = others[Int(random.next() % UInt64(others.count))]
                result.append((PosteriorRecalibration.logit(VaultPosterior(probabilities: inVault, within: q, question: .match(other)).voices[other]), 3))
                // A stranger's text: the piece's own voice out of the vault (and of every margin).
                let rest = (0..<voiceCount).filter { $0 != v }
                let outside = probabilities(chunk.wordSequence, excluding: v)
                let asked = rest.firstIndex(of: other)!
                let posterior = VaultPosterior(probabilities: rest.map { outside[$0] }, within: rest.map { q[$0] }, question: .match(asked))
                result.append((PosteriorRecalibration.logit(posterior.voices[asked]), 1))
            }
            var shuffled = chunk.wordSequence
            for k in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(k, Int(random.next() % UInt64(k + 1))) }
            let disordered = probabilities(shuffled, excluding: nil)
            result.append((PosteriorRecalibration.logit(VaultPosterior(probabilities: disordered, within: q, question: .match(v)).voices[v]), 2))
            return result
        }
        self = PosteriorRecalibration.fit(found.flatMap { $0 })
    }

    /// The groups of the recalibration's pairs and their weights (as `VoiceVerifier.vaultFit` weighs its pairs).
    enum Group: Int, CaseIterable { case same = 0, stranger, shuffled, vaultMate }
    static let groupShares: [Double] = [0.5, 0.1875, 0.125, 0.1875]

    /// The regularised Platt fit on (logit of the posterior, group) pairs; no change when a kind is missing or the
    /// slope does not rise.
    static func fit(_ pairs: [(logit: Double, group: Int)]) -> PosteriorRecalibration {
        var counts = [Int](repeating: 0, count: Group.allCases.count)
        for pair in pairs { counts[pair.group] += 1 }
        let different = counts.reduce(0, +) - counts[0]
        guard counts[0] >= minimumSamePieces, different > 0,
              let fitted = PairLogistic.fitPlatt(features: pairs.map { [1, max(-limit, min(limit, $0.logit))] },
                                                 labels: pairs.map { $0.group == 0 },
                                                 weights: pairs.map { groupShares[$0.group] / Double(counts[$0.group]) }),
              fitted.count == 2, fitted[1] > 0
        else { return PosteriorRecalibration(coefficients: [], same: counts[0], different: different) }
        return PosteriorRecalibration(coefficients: fitted, same: counts[0], different: different)
    }
}
