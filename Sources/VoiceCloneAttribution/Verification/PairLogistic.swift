import Foundation

/// A small logistic regression fitted by Newton's method with a light ridge penalty, on weighted pairs.
enum PairLogistic {
    static func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }

    /// Coefficients for rows of `features` (each starting with a constant 1); `nil` without both kinds of label.
    static func fit(features: [[Double]], labels: [Bool], weights: [Double], ridge: Double = 1e-2, iterations: Int = 40) -> [Double]? {
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        return fit(features: features, targets: labels.map { $0 ? 1 : 0 }, weights: weights, ridge: ridge, iterations: iterations)
    }

    /// `fit` on soft targets in [0, 1] (Platt's smoothed labels) instead of hard labels.
    static func fit(features: [[Double]], targets: [Double], weights: [Double], ridge: Double, iterations: Int) -> [Double]? {
        guard let width = features.first?.count else { return nil }
        var beta = [Double](repeating: 0, count: width)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
            for (k, x) in features.enumerated() {
                let p = sigmoid(zip(beta, x).reduce(0) { $0 + $1.0 * $1.1 })
                let w = weights[k]
                let residual = targets[k] - p
                for a in 0..<width {
                    gradient[a] += w * residual * x[a]
                    for b in 0..<width { hessian[a][b] += w * p * (1 - p) * x[a] * x[b] }
                }
            }
            for a in 1..<width {
                gradient[a] -= ridge * beta[a]
                hessian[a][a] += ridge
            }
            hessian[0][0] += 1e-9
            guard let step = solve(hessian, gradient) else { break }
            var largest = 0.0
            for a in 0..<width {
                beta[a] += step[a]
                largest = max(largest, abs(step[a]))
            }
            if largest < 1e-8 { break }
        }
        return beta.allSatisfy(\.isFinite) ? beta : nil
    }

    /// Solves A x = b by Gaussian elimination with partial pivoting; `nil` when A is singular.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        var a = matrix, b = vector
        let n = b.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }), abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot); b.swapAt(column, pivot)
            for row in column + 1..<n {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<n { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }
}

extension PairLogistic {
    /// `fit` on features standardised to weighted mean 0 and spread 1 (the first column, the constant, excepted),
    /// with coefficients mapped back to the raw features. The ridge then weighs every feature alike and can stay
    /// tiny (it only keeps Newton's method finite), so the fit is close to plain maximum likelihood, as Platt
    /// scaling is.
    static func fitStandardized(features: [[Double]], labels: [Bool], weights: [Double], ridge: Double = 1e-6) -> [Double]? {
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        return fitStandardized(features: features, targets: labels.map { $0 ? 1 : 0 }, weights: weights, ridge: ridge)
    }

    /// The prior spread of a standardised slope in `fitPlatt`: a change of one spread in a feature moves the log-odds by
    /// about this much or less, a priori (a weakly informative prior, as for standardised logistic regressions).
    static let slopePrior = 1.0

    /// Platt scaling regularised for small calibration sets (issue 16): Platt's own smoothed targets, (N₊ + 1) / (N₊ + 2)
    /// for the same-writer pairs and 1 / (N₋ + 2) for the others, so that a few well-separated pairs cannot ask for
    /// an infinite slope; and a Gaussian prior of spread `slopePrior` on each standardised slope, counted as one
    /// pair's worth of evidence per pair not seen: the weights sum to one, so the penalty is 1 / (N σ²) with N the
    /// number of pairs. With many pairs both fade and the fit is plain maximum likelihood; with few the slopes are
    /// pulled toward flat, never steeper than the data on every pair would make them.
    static func fitPlatt(features: [[Double]], labels: [Bool], weights: [Double]) -> [Double]? {
        let positives = labels.filter { $0 }.count, negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let high = Double(positives + 1) / Double(positives + 2), low = 1 / Double(negatives + 2)
        let ridge = 1 / (Double(labels.count) * slopePrior * slopePrior)
        return fitStandardized(features: features, targets: labels.map { $0 ? high : low }, weights: weights, ridge: ridge)
    }

    /// `fitStandardized` on soft targets.
    static func fitStandardized(features: [[Double]], targets: [Double], weights: [Double], ridge: Double) -> [Double]? {
        guard let width = features.first?.count, width >= 1 else { return nil }
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var mean = [Double](repeating: 0, count: width), scale = [Double](repeating: 1, count: width)
        for a in 1..<width {
            let m = zip(features, weights).reduce(0) { $0 + $1.1 * $1.0[a] } / total
            let v = zip(features, weights).reduce(0) { $0 + $1.1 * ($1.0[a] - m) * ($1.0[a] - m) } / total
            mean[a] = m
            scale[a] = v > 1e-18 ? 1 / v.squareRoot() : 0
        }
        let standard = features.map { x in (0..<width).map { a in a == 0 ? 1 : (x[a] - mean[a]) * scale[a] } }
        guard let beta = fit(features: standard, targets: targets, weights: weights, ridge: ridge, iterations: 100) else { return nil }
        var raw = [Double](repeating: 0, count: width)
        raw[0] = beta[0]
        for a in 1..<width {
            raw[a] = beta[a] * scale[a]
            raw[0] -= beta[a] * scale[a] * mean[a]
        }
        return raw.allSatisfy(\.isFinite) ? raw : nil
    }
}
