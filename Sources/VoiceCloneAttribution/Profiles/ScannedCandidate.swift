import VoiceCloneText

/// A voice whose samples are already scanned: its name, its `ScannedText`s and their counts added up.
///
/// Feature selection needs each candidate's total counts; adding them up is done here, once, so a
/// candidate reused across many `Attributor`s (a vault's clones, or every fold of a leave-one-out
/// evaluation but the one it is left out of) costs nothing more to reuse.
public struct ScannedCandidate: Sendable {
    public let name: String
    public let texts: [ScannedText]
    /// Word tokens over all samples.
    public let words: Int

    let wordTotals: CountTable
    let ngramTotals: CountTable
    let ngramTokens: Int

    /// A candidate from samples scanned earlier (all with the same `chunkWords` as the settings used later).
    public init(name: String, texts: [ScannedText]) {
        var words = CountTable(capacity: texts.reduce(0) { max($0, $1.wordKeys.count) })
        var ngrams = CountTable(capacity: texts.reduce(0) { max($0, $1.ngramKeys.count) })
        for text in texts {
            for (id, key) in text.wordKeys.enumerated() { words.add(key, text.wordTotals[id]) }
            for (id, key) in text.ngramKeys.enumerated() { ngrams.add(key, text.ngramTotals[id]) }
        }
        self.name = name
        self.texts = texts
        self.words = texts.reduce(0) { $0 + $1.words }
        self.ngramTokens = texts.reduce(0) { $0 + $1.ngramTokens }
        self.wordTotals = words
        self.ngramTotals = ngrams
    }

    /// Scans the raw samples of `candidate`, in parallel.
    public init(_ candidate: AttributionCandidate, settings: AttributionSettings = .standard) {
        self.init(name: candidate.name, texts: ScannedText.scan(candidate.texts, settings: settings))
    }

    /// Scans the samples of all `candidates` in one parallel pass (better balanced than one candidate at a time).
    static func scan(_ candidates: [AttributionCandidate], settings: AttributionSettings) -> [ScannedCandidate] {
        let jobs = candidates.enumerated().flatMap { index, candidate in
            candidate.texts.indices.map { (candidate: index, sample: $0) }
        }
        let texts = ParallelMap.map(jobs.count) { index -> ScannedText in
            let job = jobs[index]
            return ScannedText(candidates[job.candidate].texts[job.sample], settings: settings)
        }
        var grouped = [[ScannedText]](repeating: [], count: candidates.count)
        for (job, text) in zip(jobs, texts) { grouped[job.candidate].append(text) }
        let samples = grouped
        return ParallelMap.map(candidates.count) { ScannedCandidate(name: candidates[$0].name, texts: samples[$0]) }
    }
}
