import VoiceCloneText

/// One-vs-rest linear SVMs (L2-regularised squared hinge loss, with a bias), trained by dual coordinate
/// descent (Hsieh et al. 2008, the LIBLINEAR solver behind scikit-learn's `LinearSVC`).
///
/// Voices are balanced: each row's cost is C times n / (k · n_class), so every voice weighs the same in every
/// classifier however much text it has (scikit-learn's `class_weight='balanced'`, applied per row). Without it
/// a voice with four times the chunks dominates the "rest" side of every other voice's classifier and wins
/// texts it did not write (Hamilton over Madison in the Federalist papers).
///
/// Deterministic: the visiting order of each epoch comes from a seeded generator, the epoch count is
/// bounded and the classes train in parallel without sharing state, so the same rows give the same weights.
struct LinearModel: Sendable {
    /// weights[class] has `dimension + 1` entries; the last is the bias.
    let weights: [[Float]]
    let dimension: Int

    struct Options: Sendable, Equatable {
        var cost: Float = 1
        var maxEpochs = 30
        var tolerance: Float = 0.1
        var seed: UInt64 = 0x5eed
        /// Weigh every class equally (per-row costs inversely proportional to the class's row count).
        var balanced = true
    }

    /// Each row's cost multiplier: n / (k · n_label) when balanced (mean 1 over the rows), else 1.
    static func rowCosts(labels: [Int], classes: Int, balanced: Bool) -> [Float] {
        guard balanced, !labels.isEmpty else { return [Float](repeating: 1, count: labels.count) }
        var counts = [Int](repeating: 0, count: classes)
        for label in labels { counts[label] += 1 }
        let present = Float(counts.filter { $0 > 0 }.count)
        return labels.map { Float(labels.count) / (present * Float(counts[$0])) }
    }

    init(rows: [SparseRow], labels: [Int], classes: Int, dimension: Int, options: Options = Options()) {
        precondition(rows.count == labels.count)
        let norms = rows.map { $0.squaredNorm + 1 }  // + 1 for the bias column
        let costs = LinearModel.rowCosts(labels: labels, classes: classes, balanced: options.balanced)
        self.dimension = dimension
        self.weights = ParallelMap.map(classes) { c in
            LinearModel.train(rows: rows, norms: norms, costs: costs, positive: { labels[$0] == c }, dimension: dimension,
                              options: options)
        }
    }

    /// Decision values, one per class.
    func scores(_ row: SparseRow) -> [Double] {
        weights.map { w in
            w.withUnsafeBufferPointer { Double(row.dot($0) + $0[dimension]) }
        }
    }

    private static func train(rows: [SparseRow], norms: [Float], costs: [Float], positive: (Int) -> Bool, dimension: Int,
                              options: Options) -> [Float] {
        var w = [Float](repeating: 0, count: dimension + 1)
        let n = rows.count
        guard n > 0 else { return w }
        var alpha = [Float](repeating: 0, count: n)
        // Squared hinge with per-row cost C_i: the dual's diagonal term is 1 / (2 C_i).
        let diagonals = costs.map { 1 / (2 * options.cost * $0) }
        var order = Array(0..<n)
        var random = SeededRandom(seed: options.seed)
        w.withUnsafeMutableBufferPointer { weights in
            for _ in 0..<options.maxEpochs {
                for i in stride(from: n - 1, to: 0, by: -1) {
                    order.swapAt(i, Int(random.next() % UInt64(i + 1)))
                }
                var largest = -Float.infinity, smallest = Float.infinity
                for i in order {
                    let y: Float = positive(i) ? 1 : -1
                    let row = rows[i]
                    let margin = row.dot(UnsafeBufferPointer(weights)) + weights[dimension]
                    let diagonal = diagonals[i]
                    let gradient = y * margin - 1 + diagonal * alpha[i]
                    let projected = alpha[i] == 0 ? min(gradient, 0) : gradient
                    largest = max(largest, projected)
                    smallest = min(smallest, projected)
                    guard abs(projected) > 1e-12 else { continue }
                    let old = alpha[i]
                    alpha[i] = max(old - gradient / (norms[i] + diagonal), 0)
                    let step = (alpha[i] - old) * y
                    row.indices.withUnsafeBufferPointer { idx in
                        row.values.withUnsafeBufferPointer { val in
                            for k in 0..<idx.count { weights[Int(idx[k])] += step * val[k] }
                        }
                    }
                    weights[dimension] += step
                }
                if largest - smallest < options.tolerance { break }
            }
        }
        return w
    }
}

/// SplitMix64: a tiny seeded generator so training order is reproducible on every platform.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
