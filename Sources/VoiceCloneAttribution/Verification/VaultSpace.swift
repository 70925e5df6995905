import VoiceCloneText

/// The vault's own voices in the learned attributor's space (`TfidfSpace`: sublinear TF-IDF character 1–4-grams,
/// words, word pairs and style rates, fitted on the voices' chunks). The background's short fixed vocabulary is
/// what lets public-domain writers serve as impostors, but it misses most of what tells modern writers apart
/// (their rarer n-grams, names, sign-offs); the plain TF-IDF cosine verifier beside us in the evaluation shows how
/// much that space carries. So the verifier also measures the text's cosine to each voice's centroid here, and its
/// margin over the closest other voice of the vault.
struct VaultSpace: Sendable {
    let space: TfidfSpace
    /// Per voice: the sum of its rows, how many rows, and the sum's squared norm.
    let sums: [[Float]]
    let counts: [Int]
    let squaredNorms: [Float]

    /// Cap on chunks per voice, as for the learned attributor (spread evenly over the samples).
    static let maxChunksPerVoice = LearnedAttributor.maxChunksPerVoice

    /// `chunks[v]`: voice v's chunks; `used[v]`: which of them enter its centroid.
    init(chunks: [[TextFeatures]], used: [[Int]]) {
        let fitted = used.enumerated().flatMap { v, indices in indices.map { chunks[v][$0] } }
        let space = TfidfSpace(chunks: fitted, limit: 30_000)
        let dimension = space.dimension
        let sums: [[Float]] = ParallelMap.map(chunks.count) { v in
            var sum = [Float](repeating: 0, count: dimension)
            for k in used[v] {
                let row = space.row(chunks[v][k])
                for (j, value) in zip(row.indices, row.values) { sum[Int(j)] += value }
            }
            return sum
        }
        self.space = space
        self.sums = sums
        self.counts = used.map(\.count)
        self.squaredNorms = sums.map { $0.reduce(0) { $0 + $1 * $1 } }
    }

    /// The indices of `count` chunks that enter a centroid: all, or `maxChunksPerVoice` evenly spread.
    static func used(count: Int) -> [Int] {
        LearnedAttributor.spread(Array(0..<count), limit: maxChunksPerVoice)
    }

    /// Cosine of `row` to voice `v`'s centroid; with `leaveOut`, the row is taken out of the centroid first
    /// (it is one of the voice's own chunks).
    func cosine(_ row: SparseRow, voice v: Int, leaveOut: Bool) -> Double {
        var dot: Float = 0
        for (j, value) in zip(row.indices, row.values) { dot += value * sums[v][Int(j)] }
        let own = row.squaredNorm
        var sumDot = dot, sumNorm = squaredNorms[v]
        if leaveOut && counts[v] > 1 {
            sumDot -= own
            sumNorm += own - 2 * dot
        }
        let denominator = (own * max(sumNorm, 0)).squareRoot()
        return denominator > 0 ? Double(sumDot / denominator) : 0
    }

    /// [cosine to the target, margin over the closest other vault voice (0 with no other)], leaving `excluding`
    /// (the text's own writer, in calibration) out of the others.
    func evidence(_ row: SparseRow, target: Int, excluding: Int?, leaveOut: Bool) -> [Double] {
        let similarity = cosine(row, voice: target, leaveOut: leaveOut)
        var best = -Double.infinity
        for v in sums.indices where v != target && v != excluding { best = max(best, cosine(row, voice: v, leaveOut: false)) }
        return [similarity, best.isFinite ? similarity - best : 0]
    }
}
