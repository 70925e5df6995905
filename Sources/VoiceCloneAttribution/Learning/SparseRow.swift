/// A sparse feature vector: ascending column indices and their values.
struct SparseRow: Sendable {
    var indices: [Int32]
    var values: [Float]

    /// x · w for a dense weight vector.
    @inline(__always)
    func dot(_ weights: UnsafeBufferPointer<Float>) -> Float {
        var sum: Float = 0
        indices.withUnsafeBufferPointer { idx in
            values.withUnsafeBufferPointer { val in
                for k in 0..<idx.count { sum += val[k] * weights[Int(idx[k])] }
            }
        }
        return sum
    }

    var squaredNorm: Float { values.reduce(0) { $0 + $1 * $1 } }
}
