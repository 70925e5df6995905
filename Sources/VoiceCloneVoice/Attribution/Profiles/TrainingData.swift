/// The candidates' scanned samples seen through one `FeatureLayout`: the shared first half of
/// `Attributor` and `VoiceMatcher`.
///
/// Chunk vectors are never materialised all at once: each chunk stays a sparse list of counts in its
/// `ScannedText`, and a per-sample column map says which of its words and n-grams are features. Sums
/// over chunks add only a chunk's features, in chunk order, so every figure is the same, bit for
/// bit, as adding dense vectors would give.
struct TrainingData: Sendable {
    let names: [String]
    let layout: FeatureLayout
    /// Per candidate, its chunks in order (samples in order, chunks in order within a sample).
    let chunks: [[ChunkReference]]
    /// Per candidate, the number of samples and of words.
    let sampleCounts: [Int]
    let wordCounts: [Int]

    private let texts: [[ScannedText]]
    /// Per candidate and sample, the layout column of each word id / n-gram id, or -1 if it is no feature.
    private let wordColumns: [[[Int32]]]
    private let ngramColumns: [[[Int32]]]

    init(candidates: [ScannedCandidate], settings: AttributionSettings) throws {
        try settings.validate()
        guard !candidates.isEmpty else { throw AttributionError.noCandidates }
        try TrainingData.checkNames(candidates.map(\.name))
        for candidate in candidates {
            if let text = candidate.texts.first(where: { $0.chunkWords != settings.chunkWords }) {
                throw AttributionError.chunkLengthMismatch(
                    name: candidate.name, scanned: text.chunkWords, settings: settings.chunkWords)
            }
        }
        for candidate in candidates where candidate.words == 0 {
            throw AttributionError.emptyCandidate(name: candidate.name)
        }
        let layout = FeatureLayout.select(from: candidates, settings: settings)
        let jobs = candidates.enumerated().flatMap { index, candidate in
            candidate.texts.indices.map { (candidate: index, sample: $0) }
        }
        let maps = ParallelMap.map(jobs.count) { index -> (words: [Int32], ngrams: [Int32]) in
            let text = candidates[jobs[index].candidate].texts[jobs[index].sample]
            var words = [Int32](repeating: -1, count: text.wordKeys.count)
            for (column, key) in layout.wordKeys.enumerated() {
                if let id = text.wordIndex.value(key) { words[Int(id)] = Int32(column) }
            }
            var ngrams = [Int32](repeating: -1, count: text.ngramKeys.count)
            let offset = layout.characterRange.lowerBound
            for (column, key) in layout.ngramKeys.enumerated() {
                if let id = text.ngramIndex.value(key) { ngrams[Int(id)] = Int32(offset + column) }
            }
            return (words, ngrams)
        }
        var wordColumns = candidates.map { [[Int32]](repeating: [], count: $0.texts.count) }
        var ngramColumns = wordColumns
        for (job, map) in zip(jobs, maps) {
            wordColumns[job.candidate][job.sample] = map.words
            ngramColumns[job.candidate][job.sample] = map.ngrams
        }
        self.names = candidates.map(\.name)
        self.layout = layout
        self.chunks = candidates.map { candidate in
            candidate.texts.enumerated().flatMap { sample, text in
                (0..<text.chunkCount).map { ChunkReference(sample: sample, chunk: $0) }
            }
        }
        self.sampleCounts = candidates.map { $0.texts.count }
        self.wordCounts = candidates.map(\.words)
        self.texts = candidates.map(\.texts)
        self.wordColumns = wordColumns
        self.ngramColumns = ngramColumns
    }

    /// Throws for the first name listed twice.
    static func checkNames(_ names: [String]) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw AttributionError.duplicateCandidate(name: name)
        }
    }

    // MARK: - Chunks

    /// Word and n-gram tokens of a chunk.
    func tokens(_ candidate: Int, _ reference: ChunkReference) -> (words: Int, ngrams: Int) {
        let text = texts[candidate][reference.sample]
        return (text.chunkWordTokens[reference.chunk], text.chunkNgramTokens[reference.chunk])
    }

    /// Calls `body(column, rate)` for every feature the chunk has a non-zero count of, and for every
    /// style feature. Rates are computed exactly as a dense chunk vector holds them.
    @inline(__always)
    func forEachRate(_ candidate: Int, _ reference: ChunkReference, _ body: (Int, Double) -> Void) {
        let text = texts[candidate][reference.sample]
        let k = reference.chunk
        let words = wordColumns[candidate][reference.sample]
        let wordTokens = text.chunkWordTokens[k]
        let wordScale = wordTokens > 0 ? 1 / Double(wordTokens) : 0
        for entry in text.wordEntries[text.wordEnds[k]..<text.wordEnds[k + 1]] {
            let column = words[Int(entry >> 32)]
            if column >= 0 { body(Int(column), Double(UInt32(truncatingIfNeeded: entry)) * wordScale) }
        }
        let ngrams = ngramColumns[candidate][reference.sample]
        let ngramTokens = text.chunkNgramTokens[k]
        let ngramScale = ngramTokens > 0 ? 1 / Double(ngramTokens) : 0
        for entry in text.ngramEntries[text.ngramEnds[k]..<text.ngramEnds[k + 1]] {
            let column = ngrams[Int(entry >> 32)]
            if column >= 0 { body(Int(column), Double(UInt32(truncatingIfNeeded: entry)) * ngramScale) }
        }
        let styleCount = StyleFeature.allCases.count
        let base = k * styleCount
        for offset in 0..<styleCount {
            body(layout.styleRange.lowerBound + offset, text.styleRates[base + offset])
        }
    }

    /// The chunk as a dense feature vector.
    func vector(_ candidate: Int, _ reference: ChunkReference) -> FeatureVector {
        var values = [Double](repeating: 0, count: layout.dimension)
        forEachRate(candidate, reference) { values[$0] = $1 }
        let tokens = tokens(candidate, reference)
        return FeatureVector(values: values, wordTokens: tokens.words, ngramTokens: tokens.ngrams)
    }

    /// The sum of the chunk vectors of `references`, added in the order given.
    func sum(_ candidate: Int, _ references: some Sequence<ChunkReference>) -> [Double] {
        var result = [Double](repeating: 0, count: layout.dimension)
        for reference in references { forEachRate(candidate, reference) { result[$0] += $1 } }
        return result
    }

    /// The mean chunk vector of a candidate (all zeros without chunks).
    func centroid(of candidate: Int) -> [Double] {
        let references = chunks[candidate]
        let result = sum(candidate, references)
        guard !references.isEmpty else { return result }
        let scale = 1 / Double(references.count)
        return result.map { $0 * scale }
    }

    /// The per-feature variance of a candidate's chunks around `centroid` (`nil` with fewer than two chunks).
    func withinVariance(of candidate: Int, centroid: [Double]) -> [Double]? {
        let references = chunks[candidate]
        guard references.count >= 2 else { return nil }
        let dimension = layout.dimension
        let divisor = Double(references.count - 1)
        var variance = [Double](repeating: 0, count: dimension)
        var chunk = [Double](repeating: 0, count: dimension)
        variance.withUnsafeMutableBufferPointer { variance in
            chunk.withUnsafeMutableBufferPointer { chunk in
                centroid.withUnsafeBufferPointer { centroid in
                    for reference in references {
                        forEachRate(candidate, reference) { chunk[$0] = $1 }
                        for j in 0..<dimension {
                            let d = chunk[j] - centroid[j]
                            variance[j] += d * d / divisor
                        }
                        forEachRate(candidate, reference) { column, _ in chunk[column] = 0 }
                    }
                }
            }
        }
        return variance
    }

    /// Average word and n-gram tokens per training chunk, over all candidates.
    func averageChunkTokens() -> (words: Double, ngrams: Double) {
        var words = 0, ngrams = 0, count = 0
        for (candidate, references) in chunks.enumerated() {
            for reference in references {
                let tokens = tokens(candidate, reference)
                words += tokens.words
                ngrams += tokens.ngrams
                count += 1
            }
        }
        return (Double(words) / Double(max(1, count)), Double(ngrams) / Double(max(1, count)))
    }
}
