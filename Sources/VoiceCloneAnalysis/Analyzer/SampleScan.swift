/// Everything one sample contributes to an analysis, produced by one worker.
struct SampleScan {
    var index: Int
    var scanner: ProseScanner
    var habits: MarkdownHabits
    /// MATTR numerator and denominator (see `LexicalFeatures.mattr`).
    var mattrTypes = 0
    var mattrWords = 0
    var phrases = PhraseMap()

    var words: Int { scanner.ids.count }

    /// Strips, scans and measures one sample's Markdown.
    static func run(index: Int, markdown: String, options: AnalysisOptions, phraseLimit: Int) -> SampleScan {
        let (prose, habits) = MarkdownStripper.strip(markdown)
        var scanner = ProseScanner(softLineBreaks: false)
        prose.withUnsafeBufferPointer { scanner.scan($0) }
        scanner.finish()
        var scan = SampleScan(index: index, scanner: scanner, habits: habits)
        scan.measureMATTR(window: options.mattrWindow)
        if options.includePhrases && phraseLimit > 0 { scan.countPhrases(limit: phraseLimit) }
        return scan
    }

    /// Moving-average type-token ratio: the mean share of distinct words over every window of `window` words.
    private mutating func measureMATTR(window: Int) {
        let ids = scanner.ids
        let n = ids.count
        guard n > 0 else { return }
        var seen = [Int32](repeating: 0, count: scanner.table.count)
        if n <= window {
            var types = 0
            for id in ids {
                if seen[Int(id)] == 0 { types += 1 }
                seen[Int(id)] += 1
            }
            mattrTypes = types
            mattrWords = n
            return
        }
        var distinct = 0
        var total = 0
        ids.withUnsafeBufferPointer { ids in
            seen.withUnsafeMutableBufferPointer { seen in
                for k in 0..<n {
                    let id = Int(ids[k])
                    if seen[id] == 0 { distinct += 1 }
                    seen[id] += 1
                    if k >= window {
                        let out = Int(ids[k - window])
                        seen[out] -= 1
                        if seen[out] == 0 { distinct -= 1 }
                    }
                    if k >= window - 1 { total += distinct }
                }
            }
        }
        mattrTypes = total
        mattrWords = (n - window + 1) * window
    }

    /// Counts 2-4-word phrases inside sentences, skipping phrases made only of function words.
    private mutating func countPhrases(limit: Int) {
        let table = scanner.table
        var isFunction = [Bool](repeating: false, count: table.count)
        table.arena.withUnsafeBufferPointer { arena in
            for id in 0..<table.count {
                isFunction[id] = WordLists.isFunctionWord(UnsafeBufferPointer(rebasing: arena[Int(table.starts[id])..<Int(table.starts[id + 1])]))
            }
        }
        let hashes = table.hashes
        let ids = scanner.ids
        var start = 0
        var map = PhraseMap(capacity: min(limit, ids.count) * 2)
        for length in scanner.sentenceLengths {
            let end = start + Int(length)
            if start >= limit { break }
            var h: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            for t in start..<min(end, limit) {
                h = (h.1, h.2, h.3, hashes[Int(ids[t])])
                let first = UInt64(index) << 32
                for n in 2...4 where t - n + 1 >= start {
                    var allFunction = true
                    for j in (t - n + 1)...t where !isFunction[Int(ids[j])] { allFunction = false; break }
                    if allFunction { continue }
                    let key = PhraseMap.key(n, h.0, h.1, h.2, h.3)
                    map.add(key, length: n, first: first | UInt64(t - n + 1))
                }
            }
            start = end
        }
        phrases = map
    }

    /// The words of the phrase starting at `position` with `length` words.
    func phrase(at position: Int, length: Int) -> String {
        (position..<(position + length)).map { scanner.table.word(Int(scanner.ids[$0])) }.joined(separator: " ")
    }
}
