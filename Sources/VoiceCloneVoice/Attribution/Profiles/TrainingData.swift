/// The candidates' samples scanned into chunk vectors over one `FeatureLayout`: the shared first
/// half of `Attributor` and `VoiceMatcher`. Each sample is scanned twice (all features, then the
/// selected ones), in parallel across samples, and never kept as text.
struct TrainingData: Sendable {
    let names: [String]
    let layout: FeatureLayout
    /// Per candidate, its chunk vectors, and for each chunk the index of the sample it came from.
    let chunks: [[FeatureVector]]
    let chunkSample: [[Int]]
    /// Per candidate, the number of samples and of words.
    let sampleCounts: [Int]
    let wordCounts: [Int]

    init(candidates: [AttributionCandidate], settings: AttributionSettings) throws {
        try settings.validate()
        guard !candidates.isEmpty else { throw AttributionError.noCandidates }
        var seen = Set<String>()
        for candidate in candidates where !seen.insert(candidate.name).inserted {
            throw AttributionError.duplicateCandidate(name: candidate.name)
        }
        let jobs = candidates.enumerated().flatMap { index, candidate in
            candidate.texts.indices.map { (candidate: index, sample: $0, text: candidate.texts[$0]) }
        }
        let totals = ParallelMap.map(jobs.count) { index -> TotalsSink in
            var sink = TotalsSink()
            StyleScanner.scan(jobs[index].text, chunkWords: Int.max, into: &sink)
            return sink
        }
        var merged = [TotalsSink](repeating: TotalsSink(), count: candidates.count)
        for (job, total) in zip(jobs, totals) {
            merged[job.candidate].words.merge(total.words)
            merged[job.candidate].ngrams.merge(total.ngrams)
            merged[job.candidate].wordTokens += total.wordTokens
            merged[job.candidate].ngramTokens += total.ngramTokens
            merged[job.candidate].spellings.merge(total.spellings) { first, _ in first }
        }
        for (index, candidate) in candidates.enumerated() where merged[index].wordTokens == 0 {
            throw AttributionError.emptyCandidate(name: candidate.name)
        }
        let layout = FeatureLayout.select(from: merged, settings: settings)
        let chunkWords = settings.chunkWords
        let vectors = ParallelMap.map(jobs.count) { index -> [FeatureVector] in
            let words = totals[index].wordTokens
            let pieces = max(1, Int((Double(words) / Double(chunkWords)).rounded()))
            let size = (words + pieces - 1) / pieces
            var sink = VectorSink(layout: layout)
            StyleScanner.scan(jobs[index].text, chunkWords: max(1, size), into: &sink)
            return sink.chunks.filter { $0.wordTokens > 0 }
        }
        var chunks = [[FeatureVector]](repeating: [], count: candidates.count)
        var chunkSample = [[Int]](repeating: [], count: candidates.count)
        for (job, pieces) in zip(jobs, vectors) {
            chunks[job.candidate] += pieces
            chunkSample[job.candidate] += Array(repeating: job.sample, count: pieces.count)
        }
        self.names = candidates.map(\.name)
        self.layout = layout
        self.chunks = chunks
        self.chunkSample = chunkSample
        self.sampleCounts = candidates.map { $0.texts.count }
        self.wordCounts = merged.map(\.wordTokens)
    }
}
