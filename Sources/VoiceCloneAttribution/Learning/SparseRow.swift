/// A sparse feature vector: ascending column indices and their values.
struct SparseRow: Sendable {
    var indices: [Int32]
    var values: [Float]

    var squaredNorm: Float { values.reduce(0) { $0 + $1 * $1 } }
}

extension SparseRow {
    /// The row's dot product with every lane of a column-interleaved table (`blocks` vectors of 16 lanes per column,
    /// column-major: the learned model's class weights, the verifier's voice sums), in one pass over the row. Each lane
    /// sums its products in the row's order from 0, as a plain dot product would, so the results are the same bits.
    func laneDots(_ table: [SIMD16<Float>], blocks: Int) -> [SIMD16<Float>] {
        var sums = [SIMD16<Float>](repeating: SIMD16<Float>(), count: blocks)
        table.withUnsafeBufferPointer { w in
            sums.withUnsafeMutableBufferPointer { s in
                indices.withUnsafeBufferPointer { idx in
                    values.withUnsafeBufferPointer { val in
                        for k in 0..<idx.count {
                            let base = Int(idx[k]) * blocks, value = val[k]
                            for b in 0..<blocks { s[b] += w[base + b] * value }
                        }
                    }
                }
            }
        }
        return sums
    }
}
