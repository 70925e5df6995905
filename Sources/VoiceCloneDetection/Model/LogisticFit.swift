import Foundation

/// Fits the detection model: logistic regression with non-negative weights and a small L2 penalty, by projected
/// gradient descent on standardised inputs for a fixed number of steps, so the same data always gives the same model.
public enum LogisticFit {
    /// One labelled example: the signal inputs of a text, and whether a machine wrote it.
    public struct Example: Sendable {
        public var inputs: [DetectionSignalKind: Double]
        public var machine: Bool
        /// The text's length, so the threshold is set on the scores `detect` gives (short texts are shrunk).
        public var words: Int?
        public init(inputs: [DetectionSignalKind: Double], machine: Bool, words: Int? = nil) {
            self.inputs = inputs
            self.machine = machine
            self.words = words
        }
    }

    /// Fits weights for the signals that vary in the data; the others keep `DetectionModel.priors`.
    /// `falsePositiveTarget` sets the threshold: the score above which at most that share of training humans fall
    /// (never below 50, so the verdict always means "more likely machine than not").
    public static func fit(_ examples: [Example], l2: Double = 0.01, steps: Int = 4000, learningRate: Double = 0.2,
                           falsePositiveTarget: Double = 0.03, trainedOn: String) -> DetectionModel {
        let kinds = DetectionSignalKind.allCases
        let humans = examples.filter { !$0.machine }
        var reference: [DetectionSignalKind: Double] = [:]
        for k in kinds {
            reference[k] = humans.isEmpty ? 0 : humans.reduce(0) { $0 + ($1.inputs[k] ?? 0) } / Double(humans.count)
        }
        // Signals that are (almost) never non-zero in the data cannot be fitted.
        let fixed = DetectionModel.fixedPriors
        let active = kinds.filter { k in !fixed.contains(k) && examples.filter { ($0.inputs[k] ?? 0) > 0 }.count >= max(10, examples.count / 100) }
        let n = Double(max(examples.count, 1))
        var mean = [Double](repeating: 0, count: active.count), scale = [Double](repeating: 1, count: active.count)
        for (j, k) in active.enumerated() {
            let xs = examples.map { $0.inputs[k] ?? 0 }
            let m = xs.reduce(0, +) / n
            let sd = (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / n).squareRoot()
            mean[j] = m
            scale[j] = sd > 1e-9 ? sd : 1
        }
        let rows = examples.map { e in active.indices.map { j in ((e.inputs[active[j]] ?? 0) - mean[j]) / scale[j] } }
        let ys = examples.map { $0.machine ? 1.0 : 0.0 }
        // Fixed-prior signals still count: they enter every example's logit as an offset.
        let offsets = examples.map { e in fixed.reduce(0.0) { $0 + (DetectionModel.priors[$1] ?? 0) * (e.inputs[$1] ?? 0) } }
        // Balance the classes so the intercept does not just learn the corpus's mix.
        let machines = Double(ys.filter { $0 == 1 }.count), people = n - machines
        let weightOf = ys.map { $0 == 1 ? n / (2 * max(machines, 1)) : n / (2 * max(people, 1)) }
        var w = [Double](repeating: 0, count: active.count)
        var b = 0.0
        for _ in 0..<steps {
            var gw = [Double](repeating: 0, count: active.count)
            var gb = 0.0
            for (i, row) in rows.enumerated() {
                var z = b + offsets[i]
                for j in row.indices { z += w[j] * row[j] }
                let p = 1 / (1 + exp(-z))
                let g = (p - ys[i]) * weightOf[i]
                gb += g
                for j in row.indices { gw[j] += g * row[j] }
            }
            b -= learningRate * gb / n
            for j in w.indices {
                w[j] -= learningRate * (gw[j] / n + l2 * w[j])
                // The standardised weight must stay >= 0: raw inputs are oriented toward "machine".
                w[j] = max(0, w[j])
            }
        }
        // Back to raw inputs: w·(x - m)/s = (w/s)·x - w·m/s.
        var weights = DetectionModel.priors
        var intercept = b
        for (j, k) in active.enumerated() {
            weights[k] = w[j] / scale[j]
            intercept -= w[j] * mean[j] / scale[j]
        }
        var model = DetectionModel(version: 1, intercept: intercept, weights: weights, humanReference: reference,
                                   fitted: Set(active), threshold: 50, trainedOn: trainedOn)
        let humanScores = humans.map { model.score($0.inputs, words: $0.words).score }.sorted()
        if !humanScores.isEmpty {
            let index = min(humanScores.count - 1, Int((Double(humanScores.count) * (1 - falsePositiveTarget)).rounded(.down)))
            model.threshold = max(50, min(95, humanScores[index] + 1))
        }
        return model
    }
}
