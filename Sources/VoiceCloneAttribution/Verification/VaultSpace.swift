import VoiceCloneText

/// The vault's voices in a sublinear TF-IDF space of character 1–4-grams (`TfidfSpace` with the word, word-pair
/// and style families switched off), fitted on the voices' chunks: the plain PAN-style verifier's space, which the
/// evaluation shows generalises to writers, lengths and topics it never saw. The evidence for a text against a
/// voice is its cosine to the voice's centroid (mean row) and the margin of that cosine over the closest other
/// voice of the vault (the other voices are the impostors, as in General Impostors).
///
/// Calibration must never score a chunk in a space or against a centroid that saw it: the document frequencies
/// (and so the idf weights and the `min_df = 2` cut) would then count the chunk itself, and a feature it shares
/// with one other chunk of its writer would be kept and weighted as rare, which no new text ever enjoys.
/// `crossFitted` therefore deals each voice's chunks into `folds` folds and fits one space per fold on the other
/// folds only, in which that fold's chunks are scored (cross-fitting, as scikit-learn's `CalibratedClassifierCV`
/// with `ensemble=False`); the space used at run time is then fitted on every chunk.
///
/// Layout (issue 16, speed): the voices' row sums are stored voice-interleaved, column by column, sixteen voices to
/// a SIMD vector (`table`, as `LinearModel` stores its weights), so one pass over a text's row computes every
/// voice's dot product, reading a few adjacent cache lines per entry instead of one line in each voice's own dense
/// vector. Each lane multiplies and adds in the row's order, as a plain per-voice dot product does (never fused), so
/// the cosines are the same to the bit.
struct VaultSpace: Sendable {
    /// Sixteen voices' sums for one column, one voice per lane.
    typealias Lanes = SIMD16<Float>

    let space: TfidfSpace
    /// Voice-interleaved row sums: `table[j * blocks + b]` holds column j's sums for voices 16b ..< 16b + 16 (one
    /// lane each, unused lanes 0).
    let table: [Lanes]
    /// Per voice: how many rows its sum holds, and the sum's squared norm.
    let counts: [Int]
    let squaredNorms: [Float]
    var voices: Int { counts.count }
    var blocks: Int { (voices + Lanes.scalarCount - 1) / Lanes.scalarCount }

    /// Character 1–2-grams at half the weight of 3–4-grams, as in the learned attributor; nothing else.
    static let weights = TfidfSpace.Weights(shortCharacters: 0.5, longCharacters: 1, words: 0, wordPairs: 0, style: 0)
    /// Cap on chunks per voice, as for the learned attributor (spread evenly over the samples).
    static let maxChunksPerVoice = LearnedAttributor.maxChunksPerVoice
    static let folds = 5
    static let columnLimit = 30_000

    /// `chunks[v]`: voice v's chunks; `used[v]`: which of them are fitted and enter its centroid.
    init(chunks: [[TextFeatures]], used: [[Int]]) {
        let fitted = used.enumerated().flatMap { v, indices in indices.map { chunks[v][$0] } }
        let space = TfidfSpace(chunks: fitted, weights: VaultSpace.weights, limit: VaultSpace.columnLimit)
        let dimension = space.dimension
        let sums: [[Float]] = ParallelMap.map(chunks.count) { v in
            var sum = [Float](repeating: 0, count: dimension)
            for k in used[v] {
                let row = space.row(chunks[v][k], sorted: false)
                for (j, value) in zip(row.indices, row.values) { sum[Int(j)] += value }
            }
            return sum
        }
        self.space = space
        self.counts = used.map(\.count)
        self.squaredNorms = sums.map { $0.reduce(0) { $0 + $1 * $1 } }
        self.table = VaultSpace.interleave(sums, dimension: dimension)
    }

    /// The per-voice sums laid out voice-interleaved (see `table`).
    private static func interleave(_ sums: [[Float]], dimension: Int) -> [Lanes] {
        let width = Lanes.scalarCount
        let blocks = (sums.count + width - 1) / width
        var table = [Lanes](repeating: Lanes(), count: dimension * blocks)
        table.withUnsafeMutableBufferPointer { lanes in
            // Empty (no voice, or a space with no column) has no storage and nothing to lay out.
            guard let start = lanes.baseAddress else { return }
            let floats = UnsafeMutableRawPointer(start).assumingMemoryBound(to: Float.self)
            for (v, sum) in sums.enumerated() {
                for j in 0..<dimension { floats[j * blocks * width + v] = sum[j] }
            }
        }
        return table
    }

    /// Voice `v`'s sum of rows, one entry per column (read back from `table`).
    func sum(voice v: Int) -> [Float] {
        let blocks = self.blocks, width = Lanes.scalarCount
        return (0..<space.dimension).map { table[$0 * blocks + v / width][v % width] }
    }

    /// The indices of `count` chunks that are fitted: all, or `maxChunksPerVoice` evenly spread.
    static func used(count: Int) -> [Int] {
        LearnedAttributor.spread(Array(0..<count), limit: maxChunksPerVoice)
    }

    /// The fold of the chunk at position `position` of its voice's `used` list of `count` chunks: contiguous blocks
    /// in sample order, so a fold holds out mostly whole samples. Dealing every fifth chunk instead left a chunk's
    /// neighbours from the same sample (its topic, names and phrases) in the centroid that scored it, which a new
    /// text never has; the more chunks a sample gives (short buckets: a 100-word email is four 25-word chunks), the
    /// more the same-writer pairs looked better than real use.
    static func fold(ofPosition position: Int, count: Int) -> Int { position * folds / max(count, 1) }

    /// One space per fold, fitted on the chunks of the other folds only; `heldOut[f][v]` lists the chunk indices
    /// (into `chunks[v]`) of voice v that fold f leaves out and may score.
    static func crossFitted(chunks: [[TextFeatures]], used: [[Int]]) -> [(space: VaultSpace, heldOut: [[Int]])] {
        (0..<folds).map { f in
            let kept = used.map { indices in
                indices.enumerated().filter { fold(ofPosition: $0.offset, count: indices.count) != f }.map(\.element)
            }
            let out = used.map { indices in
                indices.enumerated().filter { fold(ofPosition: $0.offset, count: indices.count) == f }.map(\.element)
            }
            return (VaultSpace(chunks: chunks, used: kept), out)
        }
    }

    /// Cosines of `row` to every voice's centroid (its mean row; the sum gives the same cosine), in voice order; 0
    /// for a voice with no fitted chunk. One pass over the row: every lane sums its voice's products in the row's
    /// order, starting from 0, exactly as a plain dot product with that voice's sum would.
    func cosines(_ row: SparseRow) -> [Double] {
        let blocks = self.blocks, width = Lanes.scalarCount
        guard blocks > 0 else { return [] }
        let dots = row.laneDots(table, blocks: blocks)
        let rowNorm = row.squaredNorm
        return (0..<voices).map { v in
            guard counts[v] > 0 else { return 0 }
            let dot = dots[v / width][v % width]
            let denominator = (rowNorm * squaredNorms[v]).squareRoot()
            return denominator > 0 ? Double(dot / denominator) : 0
        }
    }

    /// The evidence against voice `target` from the text's cosines to every centroid (`cosines`), with `excluding`
    /// (the text's own writer, in calibration, so that it stands for a writer outside the vault) left out of the
    /// other voices.
    func evidence(cosines: [Double], target: Int, excluding: Int?) -> Evidence {
        var best = -Double.infinity, closest: Int?
        for v in cosines.indices where v != target && v != excluding && counts[v] > 0 {
            if cosines[v] > best { best = cosines[v]; closest = v }
        }
        return Evidence(similarity: cosines[target], closest: closest, closestSimilarity: closest == nil ? 0 : best)
    }

    struct Evidence {
        /// Cosine to the target voice.
        var similarity: Double
        /// The closest other voice (nil with none) and its cosine.
        var closest: Int?
        var closestSimilarity: Double
        /// [cosine, margin over the closest other voice (0 with none)]: what the calibration fits.
        var values: [Double] { [similarity, closest == nil ? 0 : similarity - closestSimilarity] }
    }
}
