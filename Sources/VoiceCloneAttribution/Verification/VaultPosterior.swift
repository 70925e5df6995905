import Foundation

/// One coherent answer over the vault's voices and "none of them" (a stranger): a probability for each voice and
/// for none, summing to one. Authors exclude each other, so two voices cannot both claim a text. `match` and
/// `attribute` both come here, with the same evidence; they differ only in the question asked, which sets the prior.
///
/// Evidence. Each voice's own verification probability `p_i` ("this voice's writer vs a stranger", calibrated at even
/// odds), whose odds `o_i = p_i / (1 − p_i)` are the likelihood ratio of voice i's evidence against a stranger; and a
/// closed-set share `q_i` ("which of these voices, given it is one of them": the learned attributor's probabilities,
/// calibrated on held-out chunks of these voices; without one, the voices' own split `o_i / Σ o_j`). The closed-set
/// model never saw a stranger, so it is read only as evidence *between* voices: `q_i / q_ref` is voice i's closed-set
/// likelihood relative to a reference the question holds fixed, and it says nothing about a stranger against that
/// reference. Each hypothesis then weighs prior × likelihood ratio against a stranger:
///
///     none: π_0          voice i: π_i · o_i · q_i / q_ref
///
/// **`attribute` ("who, if anyone?")**: π_0 = 1/2 for "none of them", 1/2 for "one of them" shared evenly (π_i =
/// 1/(2n)); the reference is the average voice (q_ref = 1/n: a stranger's text looks to the closed-set model like an
/// average voice's). The n's cancel: weights 1 (none) and `q_i · o_i` (voice i), so
/// P(none) = 1 / (1 + S) with S = Σ q_i·o_i, P(i) = q_i·o_i / (1 + S). The odds of "one of them" are S, the voices'
/// odds averaged with the closed-set shares as weights: they follow the voice the text points to and do not shrink as
/// voices are added (the plain mean of the odds did: with 25 voices a clear author topped out near 45%).
///
/// **`match` for voice a ("did a's writer write this?")**: prior a : a stranger : another of these voices = 1 : 1 : 1
/// (the other voices share their third evenly, π_j = 1/(n−1) of it); the reference is the asked voice (q_ref = q_a:
/// the closed-set evidence never counts for or against a itself, only for a rival against it). Weights: a: o_a;
/// none: 1; rival j: o_j · (q_j / q_a) / (n − 1). So
/// P(a) = o_a / (o_a + 1 + mean_{j≠a} o_j·q_j/q_a). When every rival's evidence is weaker than a's (q_j ≪ q_a, or o_j
/// small) the rival term vanishes and P(a) is a's own calibrated probability o_a / (1 + o_a); a rival takes
/// probability away only as far as its evidence, relative to a's, is strong. It does not depend on n either.
///
/// Both: a lone voice (n = 1) keeps its own probability exactly, P = o / (1 + o) = p. Two close voices with odds o and
/// an even split cannot both claim a text: each gets o/2 / (1 + o) < 1/2 from `attribute`, and o / (1 + 2o) < 1/2 from
/// `match`.
public struct VaultPosterior: Sendable, Equatable {
    /// The question the posterior answers; it sets the prior (see the type's comment).
    public enum Question: Sendable, Equatable {
        /// "Who of these voices wrote it, if any?" (`attribute`).
        case attribute
        /// "Did this voice's writer write it?" (`match`), by index.
        case match(Int)
    }

    /// P(voice i wrote the text), in the order the probabilities were given.
    public var voices: [Double]
    /// P(none of the voices wrote it).
    public var none: Double

    /// Probabilities are clamped away from 0 and 1 so that odds and ratios stay finite.
    static let clamp = 1e-6

    public init(probabilities p: [Double], within q: [Double]? = nil, question: Question = .attribute) {
        guard !p.isEmpty else {
            voices = []
            none = 1
            return
        }
        let odds = p.map { x -> Double in
            let c = min(1 - VaultPosterior.clamp, max(VaultPosterior.clamp, x))
            return c / (1 - c)
        }
        let n = odds.count
        // The closed-set shares, normalised; without a usable model, the voices' own split.
        var share: [Double]
        if let q, q.count == n, q.allSatisfy({ $0.isFinite && $0 >= 0 }), q.reduce(0, +) > 0 {
            let sum = q.reduce(0, +)
            share = q.map { max(VaultPosterior.clamp, $0 / sum) }
        } else {
            let total = odds.reduce(0, +)
            share = odds.map { max(VaultPosterior.clamp, $0 / total) }
        }
        if n == 1 { share = [1] }
        var weights: [Double]
        switch question {
        case .attribute:
            weights = zip(share, odds).map { $0 * $1 }
        case .match(let asked):
            precondition(odds.indices.contains(asked), "match question about voice \(asked) of \(n)")
            weights = odds.indices.map { j in
                j == asked ? odds[j] : odds[j] * share[j] / share[asked] / Double(n - 1)
            }
        }
        let total = 1 + weights.reduce(0, +)
        voices = weights.map { $0 / total }
        none = 1 / total
        if n == 1 { voices = [p[0]]; none = 1 - p[0] }
    }

    /// The band for voice `index`'s posterior probability, carrying the uncertainty of both inputs: the posterior is
    /// evaluated over the box of the inputs' own bands and the band is its lowest and highest value there.
    ///
    /// Inputs: each voice's own probability with its band (`lower[i]...upper[i]`), and the closed-set shares `q` with
    /// a band in temperature, `q` re-read at `widening`^±1 times the temperature it was fitted at
    /// (`TemperatureFit.tempered`). Why the box and not a bootstrap over calibration pairs: the posterior is monotone
    /// in every voice's probability (rising in voice `index`'s own, falling in each rival's; see the type's comment),
    /// so its extremes over the probabilities lie at known corners (own low and rivals high for the lower end, the
    /// reverse for the upper), and the box costs a handful of evaluations per text where a bootstrap would refit
    /// every calibration. The shares are not monotone in the temperature (a hotter softmax raises the weaker rivals
    /// and lowers the stronger), so five temperatures spread geometrically over the band are tried. A share band
    /// thus widens the posterior's band exactly as far as the split between voices can move it: the 0%–0% band a
    /// 26-word text used to get beside a 100% rival came from holding the shares fixed.
    public static func band(for index: Int, lower: [Double], upper: [Double], within q: [Double]?, widening: Double,
                            question: Question) -> ProbabilityBand {
        precondition(lower.count == upper.count && lower.indices.contains(index), "band inputs for voice \(index) of \(lower.count)")
        var low = lower, high = upper
        for j in lower.indices where j != index {
            low[j] = upper[j]
            high[j] = lower[j]
        }
        let usable = q.flatMap { q in q.count == lower.count && q.allSatisfy({ $0.isFinite && $0 >= 0 }) && q.reduce(0, +) > 0 ? q : nil }
        let factors: [Double] = usable != nil && widening > 1 ? [-1, -0.5, 0, 0.5, 1].map { pow(widening, $0) } : [1]
        var bottom = 1.0, top = 0.0
        for factor in factors {
            let shares = usable.map { factor == 1 ? $0 : TemperatureFit.tempered($0, factor: factor) }
            bottom = min(bottom, VaultPosterior(probabilities: low, within: shares, question: question).voices[index])
            top = max(top, VaultPosterior(probabilities: high, within: shares, question: question).voices[index])
        }
        return ProbabilityBand(lower: bottom, upper: max(bottom, top))
    }

    /// The most probable voice other than `index` (nil with a lone voice).
    public func rival(of index: Int) -> (index: Int, probability: Double)? {
        var best: (index: Int, probability: Double)?
        for (i, value) in voices.enumerated() where i != index {
            if best == nil || value > best!.probability { best = (i, value) }
        }
        return best
    }
}
