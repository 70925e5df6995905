/// One coherent answer to "which of the vault's voices wrote this text, if any?": a probability for each voice
/// and for "none of them", summing to one. Authors exclude each other, so two voices cannot both claim a text.
///
/// Inputs: each voice's own verification probability `p_i` ("this voice's writer vs a stranger", calibrated at
/// even odds, so its odds `o_i = p_i / (1 − p_i)` are the likelihood ratio of that voice's evidence), and
/// optionally `q_i`, a closed-set attribution probability over the voices (the learned attributor's, calibrated
/// on held-out chunks of these voices) for "which one, given it is one of them".
///
/// The prior keeps the even odds the per-voice calibration rests on: "none of these voices" has prior 1/2 and each
/// of the n voices 1/(2n). Treating the voices' evidence as independent given the writer (each voice's evidence
/// tells only whether that voice wrote the text), the odds of "one of the voices" against "none" are the mean of
/// the voices' odds, `S = (1/n) Σ o_i`, so P(none) = 1 / (1 + S). The share of each voice is `q_i` when a
/// closed-set model is given (the voices' evidences are far from independent when two voices are alike, and the
/// closed-set model is fitted jointly on all of them), otherwise `o_i / Σ o_j`, the independence model's own split.
/// A lone voice (n = 1) keeps its probability exactly: P = o / (1 + o) = p.
public struct VaultPosterior: Sendable, Equatable {
    /// P(voice i wrote the text), in the order the probabilities were given.
    public var voices: [Double]
    /// P(none of the voices wrote it).
    public var none: Double

    /// Probabilities are clamped away from 0 and 1 so that odds stay finite.
    static let clamp = 1e-6

    public init(probabilities p: [Double], within q: [Double]? = nil) {
        guard !p.isEmpty else {
            voices = []
            none = 1
            return
        }
        let odds = p.map { x -> Double in
            let c = min(1 - VaultPosterior.clamp, max(VaultPosterior.clamp, x))
            return c / (1 - c)
        }
        let total = odds.reduce(0, +)
        let mean = total / Double(odds.count)
        let inVault = mean / (1 + mean)
        var share: [Double]
        if let q, q.count == p.count, q.allSatisfy({ $0.isFinite && $0 >= 0 }), q.reduce(0, +) > 0 {
            let sum = q.reduce(0, +)
            share = q.map { $0 / sum }
        } else {
            share = odds.map { $0 / total }
        }
        if p.count == 1 { share = [1] }
        voices = share.map { inVault * $0 }
        none = 1 - inVault
        if p.count == 1 { voices = [p[0]]; none = 1 - p[0] }
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
