import Foundation
import VoiceCloneText

/// The range a score could plausibly take at this length: ±1.5 on the logit at 400 words, widening with
/// 1/√words below that (±3.4 at 80 words, ±6 at 25). A rule of thumb for how much rates wobble in short
/// texts, not a fitted confidence interval.
public struct ScoreBand: Codable, Sendable, Equatable {
    public var low: Int
    public var high: Int

    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }

    init(logit: Double, words: Int) {
        let halfWidth = 1.5 * (400 / Double(max(min(words, 400), 25))).squareRoot()
        self.init(low: DetectionModel.percent(logit - halfWidth), high: DetectionModel.percent(logit + halfWidth))
    }
}

/// One family of style evidence as reported: its share of the score's logit.
public struct StyleEvidence: Codable, Sendable, Equatable {
    public var name: String
    /// Positive when the text is more machine-like than a typical person on this family (after the writer's own
    /// habits are allowed for, with a baseline).
    public var contribution: Double
    public var description: String
}

extension StyleFeatures {
    /// The features of several texts averaged with each text weighted by its words, each feature over the texts long
    /// enough to measure it (unmeasurable when none is); nil for no words.
    public static func average(_ texts: [String]) -> StyleFeatures? {
        var sums = [Double](repeating: 0, count: names.count)
        var totals = [Double](repeating: 0, count: names.count)
        for text in texts {
            let document = DetectionDocument(text)
            let weight = Double(document.wordCount)
            guard weight > 0 else { continue }
            let f = StyleFeatures(document: document)
            for i in sums.indices where !f.unmeasurable.contains(i) {
                sums[i] += f.values[i] * weight
                totals[i] += weight
            }
        }
        guard totals.contains(where: { $0 > 0 }) else { return nil }
        return StyleFeatures(values: sums.indices.map { totals[$0] > 0 ? sums[$0] / totals[$0] : 0 },
                             unmeasurable: Set(sums.indices.filter { totals[$0] == 0 }))
    }
}

extension Detector {
    /// Signals and style features of many texts, in parallel, in order: what the combined fit trains on.
    public func measureWithStyle(_ texts: [String]) -> [(measurement: TextMeasurement, style: StyleFeatures)] {
        ParallelMap.map(texts.count) { (measure(texts[$0]), StyleFeatures(texts[$0])) }
    }

    /// "About 1 in 50 human texts of this length score this high", from the model's human score tails.
    static func rarity(_ share: Double?, withheld: Bool) -> String {
        var out = ""
        if let share {
            if share >= 0.5 {
                out = " Half or more of human texts of this length score at least this high."
            } else {
                let n = Int((1 / share).rounded())
                out = n >= 1000 ? " Fewer than 1 in 1,000 human texts of this length score this high."
                    : " About 1 in \(n) human texts of this length score this high."
            }
        }
        if withheld { out += " Under \(CombinedFit.verdictWords) words: no verdict." }
        return out
    }
}
