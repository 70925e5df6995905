/// Delta distances between two texts over z-scored features (Burrows 2002; Smith & Aldridge 2011).
/// `z = (x − mean) × inverseScale`, computed on the fly because the scale depends on text length.
enum Delta {
    /// 1 − cosine similarity of two vectors; 1 when either is all zeros.
    static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for i in a.indices {
            dot += a[i] * b[i]
            na += a[i] * a[i]
            nb += b[i] * b[i]
        }
        guard na > 0, nb > 0 else { return 1 }
        return 1 - dot / (na.squareRoot() * nb.squareRoot())
    }

    /// Mean absolute difference of two vectors; 0 for empty vectors.
    static func burrows(_ a: [Double], _ b: [Double]) -> Double {
        guard !a.isEmpty else { return 0 }
        var sum = 0.0
        for i in a.indices { sum += abs(a[i] - b[i]) }
        return sum / Double(a.count)
    }

    /// The distance of kind `kind` between the z-scores of `x` and `y` over `range`.
    static func distance(
        _ kind: DistanceKind, _ x: [Double], _ y: [Double], mean: [Double], inverseScales: [Double],
        range: Range<Int>
    ) -> Double {
        guard !range.isEmpty else { return 0 }
        switch kind {
        case .cosineDelta:
            var dot = 0.0, nx = 0.0, ny = 0.0
            for j in range {
                let zx = (x[j] - mean[j]) * inverseScales[j]
                let zy = (y[j] - mean[j]) * inverseScales[j]
                dot += zx * zy
                nx += zx * zx
                ny += zy * zy
            }
            guard nx > 0, ny > 0 else { return 1 }
            return 1 - dot / (nx.squareRoot() * ny.squareRoot())
        case .burrowsDelta:
            var sum = 0.0
            for j in range { sum += abs(x[j] - y[j]) * inverseScales[j] }
            return sum / Double(range.count)
        }
    }

    /// The distances of kind `kind` from `x` to each of `ys` over `range`: the same figures as
    /// `distance(kind, x, y, ...)` for each `y`, with `x`'s z-scores computed once rather than per `y`
    /// (attribution compares each text with every candidate).
    static func distances(
        _ kind: DistanceKind, _ x: [Double], to ys: [[Double]], mean: [Double], inverseScales: [Double],
        range: Range<Int>
    ) -> [Double] {
        guard kind == .cosineDelta, !range.isEmpty else {
            return ys.map { distance(kind, x, $0, mean: mean, inverseScales: inverseScales, range: range) }
        }
        let zx = range.map { (x[$0] - mean[$0]) * inverseScales[$0] }
        return zx.withUnsafeBufferPointer { zx in
            mean.withUnsafeBufferPointer { mean in
                inverseScales.withUnsafeBufferPointer { scales in
                    ys.map { y in
                        y.withUnsafeBufferPointer { y in
                            var dot = 0.0, nx = 0.0, ny = 0.0
                            let start = range.lowerBound
                            for j in range {
                                let a = zx[j - start]
                                let b = (y[j] - mean[j]) * scales[j]
                                dot += a * b
                                nx += a * a
                                ny += b * b
                            }
                            guard nx > 0, ny > 0 else { return 1 }
                            return 1 - dot / (nx.squareRoot() * ny.squareRoot())
                        }
                    }
                }
            }
        }
    }
}
