import Foundation

/// Fits the combined score model (the 13 signals plus `StyleFeatures`) as one L2-penalised logistic regression by
/// full-batch gradient descent on standardised inputs for a fixed number of steps: the same examples always give the
/// same model. Signal weights stay non-negative (each signal only ever adds evidence in its named direction, which the
/// per-writer allowance relies on); style weights take either sign.
public enum CombinedFit {
    public struct Example: Sendable {
        public var inputs: [DetectionSignalKind: Double]
        public var style: StyleFeatures
        public var machine: Bool
        public var words: Int
        /// The example's share of the loss; callers balance corpora and classes with it.
        public var weight: Double

        public init(inputs: [DetectionSignalKind: Double], style: StyleFeatures, machine: Bool, words: Int, weight: Double = 1) {
            self.inputs = inputs
            self.style = style
            self.machine = machine
            self.words = words
            self.weight = weight
        }
    }

    /// Length bands the human score tails are kept for.
    public static let lengthBands = [0, 80, 150, 400]

    /// Below this many words a text gets no verdict.
    public static let verdictWords = 80

    public static func fit(_ examples: [Example], l2: Double = 0.02, steps: Int = 2000, learningRate: Double = 0.5,
                           trainedOn: String) -> DetectionModel {
        let kinds = DetectionSignalKind.allCases
        let fixed = DetectionModel.fixedPriors
        let signalKinds = kinds.filter { k in
            !fixed.contains(k) && examples.filter { ($0.inputs[k] ?? 0) > 0 }.count >= max(10, examples.count / 100)
        }
        let styleCount = StyleFeatures.names.count
        let humans = examples.filter { !$0.machine }

        // Standardisation from the weighted data.
        let totalWeight = max(examples.reduce(0) { $0 + $1.weight }, 1e-9)
        func moments(_ xs: [Double]) -> (Double, Double) {
            var m = 0.0
            for (x, e) in zip(xs, examples) { m += x * e.weight }
            m /= totalWeight
            var v = 0.0
            for (x, e) in zip(xs, examples) { v += e.weight * (x - m) * (x - m) }
            let sd = (v / totalWeight).squareRoot()
            return (m, sd > 1e-9 ? sd : 1)
        }
        var signalMean: [Double] = [], signalScale: [Double] = []
        for k in signalKinds {
            let (m, s) = moments(examples.map { $0.inputs[k] ?? 0 })
            signalMean.append(m)
            signalScale.append(s)
        }
        // The typical human value of each style feature, over the human texts long enough to measure it: what a
        // feature a text cannot measure is read as, here and when scoring (`StyleWeights.filled`). It comes from
        // `examples` alone, so a cross-validation fold's value never sees its held-out texts.
        let humanStyle = (0..<styleCount).map { i -> Double in
            func mean(_ xs: [Example]) -> Double? {
                var sum = 0.0, weight = 0.0
                for e in xs where !e.style.unmeasurable.contains(i) {
                    sum += e.style.values[i] * e.weight
                    weight += e.weight
                }
                return weight > 0 ? sum / weight : nil
            }
            return mean(humans) ?? mean(examples) ?? 0
        }
        let filledStyle = examples.map { e -> [Double] in
            var values = e.style.values
            for i in e.style.unmeasurable where i < styleCount { values[i] = humanStyle[i] }
            return values
        }
        var styleMean: [Double] = [], styleScale: [Double] = []
        for i in 0..<styleCount {
            let (m, s) = moments(filledStyle.map { $0[i] })
            styleMean.append(m)
            styleScale.append(s)
        }
        let styleShape = StyleWeights(weights: .init(repeating: 0, count: styleCount), means: styleMean, scales: styleScale,
                                      humanMeans: styleMean)
        let rows: [[Double]] = zip(examples, filledStyle).map { e, style in
            signalKinds.indices.map { j in ((e.inputs[signalKinds[j]] ?? 0) - signalMean[j]) / signalScale[j] }
                + styleShape.standardised(style)
        }
        let offsets = examples.map { e in fixed.reduce(0.0) { $0 + (DetectionModel.priors[$1] ?? 0) * (e.inputs[$1] ?? 0) } }
        let ys = examples.map { $0.machine ? 1.0 : 0.0 }
        let dims = signalKinds.count + styleCount
        var w = [Double](repeating: 0, count: dims)
        var b = 0.0
        for _ in 0..<steps {
            var gw = [Double](repeating: 0, count: dims)
            var gb = 0.0
            for (i, row) in rows.enumerated() {
                var z = b + offsets[i]
                for j in 0..<dims { z += w[j] * row[j] }
                let g = (1 / (1 + exp(-z)) - ys[i]) * examples[i].weight
                gb += g
                for j in 0..<dims { gw[j] += g * row[j] }
            }
            b -= learningRate * gb / totalWeight
            for j in 0..<dims {
                w[j] -= learningRate * (gw[j] / totalWeight + l2 * w[j])
                if j < signalKinds.count { w[j] = max(0, w[j]) }
            }
        }
        // Signals back to raw inputs; style stays on the standardised scale (the model stores means and scales).
        var weights = DetectionModel.priors
        var intercept = b
        for (j, k) in signalKinds.enumerated() {
            weights[k] = w[j] / signalScale[j]
            intercept -= w[j] * signalMean[j] / signalScale[j]
        }
        var reference: [DetectionSignalKind: Double] = [:]
        let humanWeight = max(humans.reduce(0) { $0 + $1.weight }, 1e-9)
        for k in kinds { reference[k] = humans.reduce(0) { $0 + ($1.inputs[k] ?? 0) * $1.weight } / humanWeight }
        var model = DetectionModel(version: 2, intercept: intercept, weights: weights, humanReference: reference,
                                   fitted: Set(signalKinds), threshold: 50, trainedOn: trainedOn)
        model.style = StyleWeights(weights: Array(w[signalKinds.count...]), means: styleMean, scales: styleScale,
                                   humanMeans: humanStyle)
        return model
    }

    /// Sets the default threshold and the human score tails from human-only calibration sets.
    ///
    /// The threshold is the lowest score at which, in every set, at most `falsePositiveTarget` of the texts long
    /// enough for a verdict score that high (never below 50, so a verdict always means "more likely machine").
    public static func calibrate(_ model: inout DetectionModel, humanSets: [(name: String, examples: [Example])],
                                 falsePositiveTarget: Double = 0.015) {
        let scored = humanSets.map { set in set.examples.map { e in (e.words, model.judge(inputs: e.inputs, style: e.style).logit) } }
        var threshold = 50
        for set in scored {
            let long = set.filter { $0.0 >= verdictWords }.map { DetectionModel.percent($0.1) }.sorted(by: >)
            guard !long.isEmpty else { continue }
            // Allowed flags in this set, then the threshold one above the next-highest score.
            let allowed = Int((falsePositiveTarget * Double(long.count)).rounded(.down))
            if allowed < long.count { threshold = max(threshold, long[allowed] + 1) }
        }
        model.threshold = min(99, threshold)
        let all = scored.flatMap { $0 }
        model.humanTails = lengthBands.enumerated().map { i, low in
            let high = i + 1 < lengthBands.count ? lengthBands[i + 1] : Int.max
            return HumanScoreTail.fit(minimumWords: low, logits: all.filter { $0.0 >= low && $0.0 < high }.map(\.1))
        }
    }
}
