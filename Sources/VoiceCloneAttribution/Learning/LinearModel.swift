import Foundation
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
/// bounded and no class shares state with another, so the same rows give the same weights.
///
/// Layout (issue 16, speed): the weights are stored class-interleaved, column by column, sixteen classes to a SIMD
/// vector (`table`), so a row's entry reads every class's weight from a few cache lines instead of one line per class,
/// and one vector instruction does sixteen classes' multiply or add. Training runs a group of up to sixteen classes in
/// lockstep over each row: every class visits the rows in the same seeded order (one generator per class, same
/// seed), so one pass over a row serves the whole group, and each lane still does exactly the arithmetic its class
/// would do alone, in the same order (IEEE multiply then add, never fused): the same weights to the last bit,
/// whatever the grouping or the thread count.
struct LinearModel: Sendable {
    /// Sixteen classes' weights for one column, one class per lane.
    typealias Lanes = SIMD16<Float>

    /// Class-interleaved weights: `table[j * blocks + b]` holds column j's weights for classes 16b ..< 16b + 16 (one
    /// lane each, unused lanes 0); the blocks at j = `dimension` hold the biases.
    let table: [Lanes]
    let classes: Int
    let dimension: Int
    var blocks: Int { (classes + Lanes.scalarCount - 1) / Lanes.scalarCount }

    struct Options: Sendable, Equatable {
        var cost: Float = 1
        var maxEpochs = 30
        var tolerance: Float = 0.1
        var seed: UInt64 = 0x5eed
        /// Weigh every class equally (per-row costs inversely proportional to the class's row count).
        var balanced = true
    }

    /// weights[class] has `dimension + 1` entries; the last is the bias.
    var weights: [[Float]] {
        let blocks = self.blocks, width = Lanes.scalarCount
        return (0..<classes).map { c in (0...dimension).map { table[$0 * blocks + c / width][c % width] } }
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
        // Groups of at most 16 classes (one lane each), at least one per core so every core trains, sizes within one
        // of each other. The grouping changes no weight: each lane does its own class's arithmetic.
        let width = Lanes.scalarCount
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let groupCount = classes == 0 ? 0 : min(classes, max((classes + width - 1) / width, cores))
        let groups: [Range<Int>] = (0..<groupCount).map { g in (g * classes / groupCount)..<((g + 1) * classes / groupCount) }
        let trained = ParallelMap.map(groupCount) { g in
            LinearModel.train(rows: rows, norms: norms, costs: costs, labels: labels, classes: groups[g], dimension: dimension,
                              options: options)
        }
        let blocks = (classes + width - 1) / width
        var table = [Lanes](repeating: Lanes(), count: (dimension + 1) * blocks)
        for (range, lanes) in zip(groups, trained) {
            for j in 0...dimension {
                for (g, c) in range.enumerated() { table[j * blocks + c / width][c % width] = lanes[j][g] }
            }
        }
        self.table = table
        self.classes = classes
        self.dimension = dimension
    }

    /// Decision values, one per class: for each class, the row's entries summed in their order, then the bias.
    func scores(_ row: SparseRow) -> [Double] {
        let blocks = self.blocks
        let sums = row.laneDots(table, blocks: blocks)
        let bias = dimension * blocks, width = Lanes.scalarCount
        return (0..<classes).map { c in Double(sums[c / width][c % width] + table[bias + c / width][c % width]) }
    }

    /// Trains the classes of `group` (one-vs-rest) in lockstep, class `group.lowerBound + g` in lane g; returns one
    /// vector of lanes per column (the bias last).
    private static func train(rows: [SparseRow], norms: [Float], costs: [Float], labels: [Int], classes group: Range<Int>,
                              dimension: Int, options: Options) -> [Lanes] {
        let width = group.count
        precondition(width <= Lanes.scalarCount)
        let n = rows.count
        guard n > 0, width > 0 else { return [Lanes](repeating: Lanes(), count: dimension + 1) }
        // Each column's lanes on one 64-byte cache line (an array's storage is only 16-byte aligned, so most would
        // straddle two lines, and the weights are far larger than the caches).
        let raw = UnsafeMutableRawPointer.allocate(byteCount: (dimension + 1) * MemoryLayout<Lanes>.stride, alignment: 64)
        defer { raw.deallocate() }
        let start = raw.bindMemory(to: Lanes.self, capacity: dimension + 1)
        start.initialize(repeating: Lanes(), count: dimension + 1)
        let weights = UnsafeMutableBufferPointer(start: start, count: dimension + 1)
        var alpha = [Float](repeating: 0, count: n * width)
        // Squared hinge with per-row cost C_i: the dual's diagonal term is 1 / (2 C_i).
        let diagonals = costs.map { 1 / (2 * options.cost * $0) }
        var order = Array(0..<n)
        // One generator for the group: each class alone would draw the same sequence from the same seed.
        var random = SeededRandom(seed: options.seed)
        var active = [Bool](repeating: true, count: width)
        var largest = [Float](repeating: 0, count: width), smallest = [Float](repeating: 0, count: width)
        let first = group.lowerBound
        for _ in 0..<options.maxEpochs {
            for i in stride(from: n - 1, to: 0, by: -1) {
                order.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            for g in 0..<width {
                largest[g] = -Float.infinity
                smallest[g] = Float.infinity
            }
            for i in order {
                let row = rows[i]
                row.indices.withUnsafeBufferPointer { idx in
                    row.values.withUnsafeBufferPointer { val in
                        // Every lane sums its class's products in the row's order, as a plain dot product would.
                        var sums = Lanes()
                        for k in 0..<idx.count { sums += weights[Int(idx[k])] * val[k] }
                        let bias = weights[dimension]
                        var steps = Lanes(), anyStep = false
                        let diagonal = diagonals[i]
                        for g in 0..<width where active[g] {
                            let y: Float = labels[i] == first + g ? 1 : -1
                            let margin = sums[g] + bias[g]
                            let a = i * width + g
                            let gradient = y * margin - 1 + diagonal * alpha[a]
                            let projected = alpha[a] == 0 ? min(gradient, 0) : gradient
                            largest[g] = max(largest[g], projected)
                            smallest[g] = min(smallest[g], projected)
                            guard abs(projected) > 1e-12 else { continue }
                            let old = alpha[a]
                            alpha[a] = max(old - gradient / (norms[i] + diagonal), 0)
                            let step = (alpha[a] - old) * y
                            steps[g] = step
                            if step != 0 { anyStep = true }
                        }
                        guard anyStep else { return }
                        // A lane whose class takes no step adds ±0, which leaves its weights as they were (no weight
                        // is ever -0: they start at +0, and a sum is -0 only when both terms are).
                        for k in 0..<idx.count { weights[Int(idx[k])] += steps * val[k] }
                        weights[dimension] += steps
                    }
                }
            }
            for g in 0..<width where active[g] && largest[g] - smallest[g] < options.tolerance { active[g] = false }
            if !active.contains(true) { break }
        }
        return Array(weights)
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
