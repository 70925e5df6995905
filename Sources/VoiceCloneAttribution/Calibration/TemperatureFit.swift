import Foundation

/// Fits the temperature of `softmax(−distance / T)` by maximum likelihood on held-out chunks whose
/// true candidate is known. One parameter, fitted on the candidates' own samples on every call, is
/// enough to turn distances into probabilities that mean roughly what they say.
enum TemperatureFit {
    /// Each case is (index of the true candidate, combined distances to every candidate).
    static func fit(_ cases: [(truth: Int, distances: [Double])]) -> Double? {
        guard !cases.isEmpty else { return nil }
        func loss(_ logT: Double) -> Double { Self.loss(cases, temperature: exp(logT)) }
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

    /// The negative log-likelihood of the true candidates under `softmax(−distance / t)`.
    static func loss(_ cases: [(truth: Int, distances: [Double])], temperature t: Double) -> Double {
        var total = 0.0
        for item in cases {
            let scaled = item.distances.map { -$0 / t }
            let top = scaled.max() ?? 0
            let sum = scaled.reduce(0) { $0 + exp($1 - top) }
            total -= scaled[item.truth] - top - log(sum)
        }
        return total
    }

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

    /// `softmax(−distance / t)`, numerically stable.
    static func probabilities(_ distances: [Double], temperature t: Double) -> [Double] {
        let scaled = distances.map { -$0 / t }
        let top = scaled.max() ?? 0
        let weights = scaled.map { exp($0 - top) }
        let sum = weights.reduce(0, +)
        return weights.map { $0 / sum }
    }
}
