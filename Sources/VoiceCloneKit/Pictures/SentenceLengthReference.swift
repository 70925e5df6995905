import Foundation
import VoiceCloneAnalysis

/// Typical edited English as a sentence-length distribution, to draw a voice's histogram against.
///
/// A log-normal with the catalogue's typical mean (18 words) and spread (9 words) of sentence length
/// (`TraitCatalog`, from the Brown and BNC summaries): the usual shape of sentence lengths in prose, and no
/// finer a claim than the figures it comes from.
public enum SentenceLengthReference {
    public static var typicalMean: Double { TraitCatalog.trait(forKey: "sentences.mean_length")?.typical ?? 18 }
    public static var typicalStandardDeviation: Double { TraitCatalog.trait(forKey: "sentences.standard_deviation")?.typical ?? 9 }

    /// The share of typical English sentences in each of `bins` (their `from`/`to`, open-ended when `to` is nil).
    public static func shares(for bins: [LengthBin]) -> [Double] {
        shares(forRanges: bins.map { ($0.from, $0.to) })
    }

    /// The share of typical English sentences of `from` to `to` words (`to` nil: `from` or more).
    public static func shares(forRanges bins: [(from: Int, to: Int?)]) -> [Double] {
        let mean = typicalMean, sd = typicalStandardDeviation
        let sigmaSquared = log(1 + (sd * sd) / (mean * mean))
        let sigma = sigmaSquared.squareRoot(), mu = log(mean) - sigmaSquared / 2
        func cdf(_ x: Double) -> Double {
            guard x > 0 else { return 0 }
            return 0.5 * (1 + erf((log(x) - mu) / (sigma * 2.0.squareRoot())))
        }
        return bins.map { bin in
            let low = cdf(Double(bin.from) - 0.5)
            let high = bin.to.map { cdf(Double($0) + 0.5) } ?? 1
            return max(0, high - low)
        }
    }
}
