import VoiceCloneText

/// The candidates' scanned samples seen through one `FeatureLayout`: the shared first half of
/// `Attributor` and `VoiceMatcher`.
///
/// Chunk vectors are never materialised all at once: each chunk stays a sparse list of its feature
/// counts (`FeatureChunks`). Sums over chunks add only a chunk's features, in chunk order, so every
/// figure is the same, bit for bit, as adding dense vectors would give.
struct TrainingData: Sendable {
    let names: [String]
    let layout: FeatureLayout
    /// Per candidate, its chunks in order (samples in order, chunks in order within a sample).
    let chunks: [[ChunkReference]]
    /// Per candidate, the number of samples and of words.
    let sampleCounts: [Int]
    let wordCounts: [Int]

    /// Per candidate and sample, its chunks over the layout's features.
    private let samples: [[FeatureChunks]]

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
        let built = ParallelMap.map(jobs.count) { index in
            FeatureChunks(text: candidates[jobs[index].candidate].texts[jobs[index].sample], layout: layout)
        }
        var samples = candidates.map { _ in [FeatureChunks]() }
        for (job, chunks) in zip(jobs, built) { samples[job.candidate].append(chunks) }
        self.names = candidates.map(\.name)
        self.layout = layout
        self.chunks = candidates.map { candidate in
            candidate.texts.enumerated().flatMap { sample, text in
                (0..<text.chunkCount).map { ChunkReference(sample: sample, chunk: $0) }
            }
        }
        self.sampleCounts = candidates.map { $0.texts.count }
        self.wordCounts = candidates.map(\.words)
        self.samples = samples
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
        let chunks = samples[candidate][reference.sample]
        return (chunks.wordTokens[reference.chunk], chunks.ngramTokens[reference.chunk])
    }

    /// The chunk as a dense feature vector.
    func vector(_ candidate: Int, _ reference: ChunkReference) -> FeatureVector {
        var values = [Double](repeating: 0, count: layout.dimension)
        values.withUnsafeMutableBufferPointer { samples[candidate][reference.sample].write(reference.chunk, into: $0) }
        let tokens = tokens(candidate, reference)
        return FeatureVector(values: values, wordTokens: tokens.words, ngramTokens: tokens.ngrams)
    }

    /// The sum of the chunk vectors of `references`, added in the order given.
    func sum(_ candidate: Int, _ references: some Sequence<ChunkReference>) -> [Double] {
        var result = [Double](repeating: 0, count: layout.dimension)
        result.withUnsafeMutableBufferPointer { result in
            for reference in references {
                samples[candidate][reference.sample].add(reference.chunk, into: result)
            }
        }
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

    /// The per-feature variance of a candidate's chunks around `centroid` (`nil` with fewer than two
    /// chunks), summed densely in chunk order as the definition reads.
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
                        let sample = samples[candidate][reference.sample]
                        sample.write(reference.chunk, into: chunk)
                        for j in 0..<dimension {
                            let d = chunk[j] - centroid[j]
                            variance[j] += d * d / divisor
                        }
                        sample.clear(reference.chunk, in: chunk)
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
