import Foundation

/// Fits the temperature of `softmax(−distance / T)` by maximum likelihood on held-out chunks whose
/// true candidate is known. One parameter, fitted on the candidates' own samples on every call, is
/// enough to turn distances into probabilities that mean roughly what they say.
enum TemperatureFit {
    /// Each case is (index of the true candidate, combined distances to every candidate).
    ///
    /// `smoothing` ε: the fit aims at probability 1 − ε for the true candidate (ε shared among the others) instead of
    /// 1. Without it, held-out chunks that are all attributed correctly drive the temperature to its floor and every
    /// probability to 0 or 1, however few chunks there were (a three-voice vault gave a 26-word email a 100% share).
    /// `ruleOfSuccession(count)` is the principled ε: having seen n chunks, the chance that the next is misattributed
    /// is at least about 1 / (n + 2) (Laplace), so the fit may not claim more certainty than n chunks can show.
    static func fit(_ cases: [(truth: Int, distances: [Double])], smoothing: Double = 0) -> Double? {
        guard !cases.isEmpty else { return nil }
        func loss(_ logT: Double) -> Double { Self.loss(cases, temperature: exp(logT), smoothing: smoothing) }
        var low = log(1e-4), high = log(1e2)
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var fa = loss(a), fb = loss(b)
        for _ in 0..<80 {
            if fa < fb {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low); fa = loss(a)
            } else {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low); fb = loss(b)
            }
        }
        return exp((low + high) / 2)
    }

    /// The negative log-likelihood of the true candidates under `softmax(−distance / t)`; with `smoothing` ε, the
    /// cross-entropy against 1 − ε on the true candidate and ε spread evenly over the others.
    static func loss(_ cases: [(truth: Int, distances: [Double])], temperature t: Double, smoothing: Double = 0) -> Double {
        var total = 0.0
        for item in cases {
            let scaled = item.distances.map { -$0 / t }
            let top = scaled.max() ?? 0
            let logSum = top + log(scaled.reduce(0) { $0 + exp($1 - top) })
            let others = item.distances.count - 1
            guard smoothing > 0, others > 0 else {
                total -= scaled[item.truth] - logSum
                continue
            }
            let share = smoothing / Double(others)
            for (j, value) in scaled.enumerated() {
                total -= (j == item.truth ? 1 - smoothing : share) * (value - logSum)
            }
        }
        return total
    }

    /// Laplace's rule of succession for `count` held-out cases: 1 / (count + 2), the smoothing `fit` takes.
    static func ruleOfSuccession(_ count: Int) -> Double { 1 / Double(count + 2) }

    /// Of `count` ways to compute distances, the index of the one whose cases separate best: lowest loss
    /// at its own fitted temperature, so options on different scales compare fairly. Ties keep the
    /// earlier option; `nil` when no option can be fitted.
    static func bestOption(_ count: Int, cases: (Int) -> [(truth: Int, distances: [Double])]) -> Int? {
        var best: Int?, bestLoss = Double.infinity
        for option in 0..<count {
            let items = cases(option)
            guard let temperature = fit(items) else { continue }
            let loss = loss(items, temperature: temperature)
            if loss < bestLoss - 1e-9 {
                bestLoss = loss
                best = option
            }
        }
        return best
    }

    /// How far a closed-set band stretches the fitted temperature (multiplied and divided by it): 1.25 at or above
    /// `shortTextWords`, growing as the square root of how much shorter the text is. The temperature was fitted on
    /// whole chunks; a text's evidence shrinks with its length, as a sum's spread does with its count.
    static func bandWidening(words: Int, shortTextWords: Int) -> Double {
        1.25 * max(1, Double(shortTextWords) / Double(max(words, 1))).squareRoot()
    }

    /// Softmax probabilities re-read at `factor` times the temperature they were computed at: since
    /// `log q = −distance / t + constant`, this is `softmax(log q / factor)`, so a caller that only has the
    /// probabilities (not the distances) can still take a temperature band. Zero shares stay at the clamp.
    static func tempered(_ probabilities: [Double], factor: Double) -> [Double] {
        let scaled = probabilities.map { log(max($0, 1e-300)) / factor }
        let top = scaled.max() ?? 0
        let weights = scaled.map { exp($0 - top) }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }

    /// `softmax(−distance / t)`, numerically stable.
    static func probabilities(_ distances: [Double], temperature t: Double) -> [Double] {
        let scaled = distances.map { -$0 / t }
        let top = scaled.max() ?? 0
        let weights = scaled.map { exp($0 - top) }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }
}
