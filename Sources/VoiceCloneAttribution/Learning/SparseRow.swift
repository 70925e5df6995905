/// A sparse feature vector: ascending column indices and their values.
struct SparseRow: Sendable {
    var indices: [Int32]
    var values: [Float]

    var squaredNorm: Float { values.reduce(0) { $0 + $1 * $1 } }
}
