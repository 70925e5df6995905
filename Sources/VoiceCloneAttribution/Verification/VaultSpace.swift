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
struct VaultSpace: Sendable {
    let space: TfidfSpace
    /// Per voice: the sum of its rows, how many rows, and the sum's squared norm.
    let sums: [[Float]]
    let counts: [Int]
    let squaredNorms: [Float]

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
        self.sums = sums
        self.counts = used.map(\.count)
        self.squaredNorms = sums.map { $0.reduce(0) { $0 + $1 * $1 } }
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

    /// Cosine of `row` to voice `v`'s centroid (0 for a voice with no fitted chunk).
    func cosine(_ row: SparseRow, voice v: Int) -> Double {
        guard counts[v] > 0 else { return 0 }
        var dot: Float = 0
        sums[v].withUnsafeBufferPointer { sum in
            for (j, value) in zip(row.indices, row.values) { dot += value * sum[Int(j)] }
        }
        let denominator = (row.squaredNorm * squaredNorms[v]).squareRoot()
        return denominator > 0 ? Double(dot / denominator) : 0
    }

    /// Cosines of `row` to every voice's centroid, in voice order.
    func cosines(_ row: SparseRow) -> [Double] { sums.indices.map { cosine(row, voice: $0) } }

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
