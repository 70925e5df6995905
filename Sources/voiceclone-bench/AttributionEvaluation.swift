import Foundation
import VoiceCloneAttribution

/// Leave-one-book-out attribution: for every book of an author with two or more books, 20 chunks are
/// attributed among those authors, trained on all their other books. Returns accuracy per chunk size
/// and the seconds spent in Voice Clone (scanning the books + building profiles + attributing; file
/// reading and chunking excluded).
///
/// Every book is scanned once (`ScannedText`) and each author's candidate is built once; a fold only
/// rebuilds the held-out author's candidate from the remaining books. The results are the same as
/// building every fold's `Attributor` from the raw texts.
func leaveOneBookOut(
    books: [AttributionCorpus.Book], sizes: [Int], chunksPerBook: Int, settings: AttributionSettings,
    distractors: Bool = false
) throws -> (accuracy: [Int: Double], tested: [Int: Int], seconds: Double, scanSeconds: Double, cpuSeconds: Double) {
    let counts = Dictionary(grouping: books, by: \.author).mapValues(\.count)
    let eligible = books.filter { (counts[$0.author] ?? 0) >= 2 }
    let pool = distractors ? books : eligible
    let authors = Set(pool.map(\.author)).sorted()
    let tests = eligible.map { book in
        sizes.map { AttributionCorpus.chunks(of: book.text, size: $0, count: chunksPerBook) }
    }
    var correct: [Int: Int] = [:], tested: [Int: Int] = [:]
    let start = Date(), cpuStart = processCPUSeconds()
    let scanned = ScannedText.scan(pool.map(\.text), settings: settings)
    let scanSeconds = Date().timeIntervalSince(start)
    func members(of author: String, without title: String?) -> [Int] {
        pool.indices.filter { pool[$0].author == author && pool[$0].title != title }
    }
    let full = Dictionary(uniqueKeysWithValues: authors.map { author in
        (author, ScannedCandidate(name: author, texts: members(of: author, without: nil).map { scanned[$0] }))
    })
    for (heldOut, chunks) in zip(eligible, tests) {
        let candidates = authors.map { author -> ScannedCandidate in
            let kept = members(of: author, without: heldOut.title)
            if let whole = full[author], kept.count == whole.texts.count { return whole }
            return ScannedCandidate(name: author, texts: kept.map { scanned[$0] })
        }
        let attributor = try Attributor(scanned: candidates, settings: settings)
        for (size, chunks) in zip(sizes, chunks) {
            let results = attributor.attribute(chunks)
            AttributionDump.shared.record("\(heldOut.title) \(size)", attributor: attributor, results: results)
            correct[size, default: 0] += results.filter { $0.best == heldOut.author }.count
            tested[size, default: 0] += results.count
        }
    }
    let seconds = Date().timeIntervalSince(start), cpuSeconds = processCPUSeconds() - cpuStart
    let accuracy = Dictionary(uniqueKeysWithValues: sizes.map {
        ($0, Double(correct[$0] ?? 0) / Double(max(1, tested[$0] ?? 0)))
    })
    return (accuracy, tested, seconds, scanSeconds, cpuSeconds)
}

/// CPU seconds used by the whole process so far (all threads): unlike wall time, barely moved by
/// other work on a shared machine, so it shows whether a change made attribution cheaper.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs the attribution evaluation of issue 9 with the default settings and returns the report.
/// `corpora` is the folder holding `british_fiction_small/` and `federalist/`.
/// `fixedWordCount` turns the per-call word-count fit off, to compare.
func runAttributionEvaluation(corpora: URL, fixedWordCount: Bool = false) throws -> String {
    var settings = AttributionSettings.standard
    settings.fitWordCount = !fixedWordCount
    var report = "Voice Clone attribution evaluation (default settings: \(settings.mostFrequentWords) MFW, "
        + "\(settings.characterNgrams) char n-grams, culling \(settings.culling), distance \(settings.distance.rawValue)"
        + (fixedWordCount ? ", word count fixed)\n" : ", word count fitted per call)\n")

    let fiction = corpora.appendingPathComponent("british_fiction_small")
    let rows = try AttributionCorpus.readCSV(fiction.appendingPathComponent("metadata.csv"))
    let books = try rows.compactMap { row -> AttributionCorpus.Book? in
        guard let file = row["file"], let author = row["author"], let title = row["title"] else { return nil }
        return AttributionCorpus.Book(
            author: author, title: title, text: try AttributionCorpus.read(fiction.appendingPathComponent(file)))
    }
    let fictionResult = try leaveOneBookOut(books: books, sizes: [2000, 500], chunksPerBook: 20, settings: settings)
    report += "british_fiction_small (leave-one-novel-out, 9 authors, 20 chunks per novel):\n"
    for size in [2000, 500] {
        let accuracy = fictionResult.accuracy[size] ?? 0
        report += String(format: "  %5d-word chunks: %.1f%% of %d\n", size, accuracy * 100, fictionResult.tested[size] ?? 0)
    }
    report += String(format: "  time: %.2f s (scanning the %d novels once: %.2f s; CPU time on all cores: %.2f s)\n",
                     fictionResult.seconds, books.count, fictionResult.scanSeconds, fictionResult.cpuSeconds)

    var training: [String: [String]] = [:]
    var disputed: [(number: String, text: String)] = []
    for paper in try AttributionCorpus.federalist(corpora) {
        if AttributionCorpus.federalistAuthors.contains(paper.label) { training[paper.label, default: []].append(paper.text) }
        if paper.label == "disputed" { disputed.append((paper.number, paper.text)) }
    }
    let start = Date()
    let attributor = try Attributor(
        candidates: training.keys.sorted().map { AttributionCandidate(name: $0, texts: training[$0] ?? []) },
        settings: settings)
    let results = attributor.attribute(disputed.map(\.text))
    let seconds = Date().timeIntervalSince(start)
    AttributionDump.shared.record("federalist", attributor: attributor, results: results)
    try AttributionDump.shared.write()
    let madison = results.filter { $0.best == "madison" }.count
    report += "federalist (trained on 70 single-author papers; 12 disputed):\n"
    report += "  to Madison: \(madison) of \(results.count)\n"
    for (paper, result) in zip(disputed, results) {
        let top = result.ranking[0]
        report += String(format: "    No. %@ -> %@ (p=%.3f, %@)\n", paper.number, top.clone, top.probability, result.confidence.rawValue)
    }
    report += String(format: "  time: %.3f s\n", seconds)
    report += String(format: "  self-test on held-out training papers: %.1f%% of %d chunks; most frequent words used: %d\n",
                     attributor.calibration.accuracy * 100, attributor.calibration.chunks,
                     attributor.calibration.mostFrequentWords)
    return report
}
