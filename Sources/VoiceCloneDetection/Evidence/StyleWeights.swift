import Foundation

/// The style half of the score model: one weight per `StyleFeatures` value, applied to the value standardised by the
/// training mean and spread and clipped to ±5 spreads, so one odd text (a table of numbers, a poem) cannot swing the
/// score on one feature.
public struct StyleWeights: Sendable, Equatable {
    /// Per feature, in `StyleFeatures.names` order.
    public var weights: [Double]
    public var means: [Double]
    public var scales: [Double]
    /// The mean feature values of the human training texts (each over the texts long enough to measure it): the
    /// "typical person" a text's evidence is measured from, and the value an unmeasurable feature is read as.
    public var humanMeans: [Double]

    public init(weights: [Double], means: [Double], scales: [Double], humanMeans: [Double]) {
        self.weights = weights
        self.means = means
        self.scales = scales
        self.humanMeans = humanMeans
    }

    static let clip = 5.0

    /// The values the model reads for a text: its features, with each one the text is too short to measure replaced
    /// by the typical human value (`humanMeans`), so that feature adds nothing either way.
    public func filled(_ features: StyleFeatures) -> [Double] {
        var values = features.values
        for i in features.unmeasurable where i < values.count && i < humanMeans.count { values[i] = humanMeans[i] }
        return values
    }

    public func standardised(_ values: [Double]) -> [Double] {
        values.indices.map { i in
            let z = (values[i] - means[i]) / (scales[i] > 1e-12 ? scales[i] : 1)
            return min(Self.clip, max(-Self.clip, z))
        }
    }

    /// Σ weight · standardised value.
    func logit(_ values: [Double]) -> Double {
        let z = standardised(values)
        return z.indices.reduce(0.0) { $0 + weights[$1] * z[$1] }
    }

    /// Each report group's share of the logit, measured from a typical human text (positive = more machine-like).
    func groupContributions(_ values: [Double]) -> [String: Double] {
        let z = standardised(values), h = standardised(humanMeans)
        var out: [String: Double] = [:]
        for (i, name) in StyleFeatures.names.enumerated() {
            out[StyleFeatures.group(of: name), default: 0] += weights[i] * (z[i] - h[i])
        }
        return out
    }

    /// The style logit of a text, judged against a writer when their own feature means are given: a group on which
    /// the writer is already more machine-like than a typical person is forgiven up to the writer's own level; a
    /// writer plainer than most earns the text no extra suspicion.
    func judgedLogit(_ values: [Double], writer: [Double]?) -> (logit: Double, groups: [String: Double]) {
        let typical = logit(humanMeans)
        var groups = groupContributions(values)
        if let writer {
            let own = groupContributions(writer)
            for (g, c) in groups where c > 0 {
                groups[g] = max(0, c - max(0, own[g] ?? 0))
            }
        }
        return (typical + groups.values.reduce(0, +), groups)
    }
}

/// How often human texts of a length score at or above a logit: the upper tail of the human calibration scores by
/// length band, so a score can be read as "about 1 in 50 human texts of this length score this high".
public struct HumanScoreTail: Sendable, Equatable {
    /// Lower word bound of the band (the band runs to the next one).
    public var minimumWords: Int
    /// (share of human texts, logit at or above which that share scored), shares descending.
    public var points: [(share: Double, logit: Double)]

    public init(minimumWords: Int, points: [(share: Double, logit: Double)]) {
        self.minimumWords = minimumWords
        self.points = points
    }

    public static func == (a: HumanScoreTail, b: HumanScoreTail) -> Bool {
        a.minimumWords == b.minimumWords && a.points.count == b.points.count
            && zip(a.points, b.points).allSatisfy { $0.share == $1.share && $0.logit == $1.logit }
    }

    /// The shares the tail records.
    public static let shares: [Double] = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001]

    /// Builds a tail from human calibration logits.
    public static func fit(minimumWords: Int, logits: [Double]) -> HumanScoreTail {
        let sorted = logits.sorted(by: >)
        guard !sorted.isEmpty else { return HumanScoreTail(minimumWords: minimumWords, points: []) }
        let points = shares.map { share -> (Double, Double) in
            let i = min(sorted.count - 1, max(0, Int((share * Double(sorted.count)).rounded(.up)) - 1))
            return (share, sorted[i])
        }
        return HumanScoreTail(minimumWords: minimumWords, points: points)
    }

    /// The smallest recorded share of human texts scoring at or above `logit` (1 when below every point).
    public func share(atOrAbove logit: Double) -> Double {
        var best = 1.0
        for p in points where logit >= p.logit { best = min(best, p.share) }
        return best
    }
}
