/// The integer counts of a whole set of samples, merged in sample order so results never depend on thread timing.
struct CorpusCounts {
    var samples = 0
    var words = 0
    /// All distinct words of all samples; counts below are indexed by its ids.
    var vocabulary = WordTable(capacity: 1 << 15)
    var counts: [Int] = []
    var openers: [Int] = []
    private var isFunction: [Bool] = []
    var sentenceLengths: [Int32] = []
    var paragraphWords: [Int32] = []
    var paragraphSentences: [Int32] = []
    var punctuation = [Int](repeating: 0, count: PunctuationMark.allCases.count)
    var questions = 0, exclamations = 0
    var emoji = 0, hashtags = 0, mentions = 0, urls = 0, allCapsWords = 0
    var oxfordWith = 0, oxfordWithout = 0
    var habits = MarkdownHabits()
    var mattrTypes = 0, mattrWords = 0
    /// Word -> count, filled by `finish()` once all samples are added.
    private(set) var typeCounts: [String: Int] = [:]
    /// Sentence-opening word -> count, filled by `finish()`.
    private(set) var openerCounts: [String: Int] = [:]

    /// Builds the word-keyed tables; call after the last `add`.
    mutating func finish() {
        var d: [String: Int] = [:]
        d.reserveCapacity(counts.count)
        var o: [String: Int] = [:]
        for g in 0..<counts.count {
            let w = vocabulary.word(g)
            d[w] = counts[g]
            if openers[g] > 0 { o[w] = openers[g] }
        }
        typeCounts = d
        openerCounts = o
    }

    /// Per-sample measurements, in sample order, for confidence (spread and consistency).
    var perSample: [SampleMeasure] = []

    mutating func add(_ s: SampleScan) {
        let sc = s.scanner
        samples += 1
        words += sc.ids.count
        let table = sc.table
        var sampleFunction = 0
        table.arena.withUnsafeBufferPointer { arena in
            for id in 0..<table.count {
                let s = Int(table.starts[id]), e = Int(table.starts[id + 1])
                let bytes = UnsafeBufferPointer(rebasing: arena[s..<e])
                let g = Int(vocabulary.intern(bytes))
                if g == counts.count {
                    counts.append(0)
                    openers.append(0)
                    isFunction.append(WordLists.isFunctionWord(bytes))
                }
                counts[g] += Int(sc.typeCounts[id])
                openers[g] += Int(sc.openerCounts[id])
                if isFunction[g] { sampleFunction += Int(sc.typeCounts[id]) }
            }
        }
        sentenceLengths.append(contentsOf: sc.sentenceLengths)
        paragraphWords.append(contentsOf: sc.paragraphWords)
        paragraphSentences.append(contentsOf: sc.paragraphSentences)
        for k in 0..<punctuation.count { punctuation[k] += sc.punctuation[k] }
        questions += sc.questions; exclamations += sc.exclamations
        emoji += sc.emoji; hashtags += sc.hashtags; mentions += sc.mentions; urls += sc.urls
        allCapsWords += sc.allCapsWords
        oxfordWith += sc.oxfordWith; oxfordWithout += sc.oxfordWithout
        habits.add(s.habits)
        mattrTypes += s.mattrTypes; mattrWords += s.mattrWords
        let w = sc.ids.count
        let sentences = sc.sentenceLengths.count
        perSample.append(SampleMeasure(
            words: w,
            meanSentenceLength: sentences > 0 ? Double(w) / Double(sentences) : 0,
            commasPerThousand: w > 0 ? 1000 * Double(sc.punctuation[PunctuationMark.comma.rawValue]) / Double(w) : 0,
            functionWordShare: w > 0 ? Double(sampleFunction) / Double(w) : 0))
    }
}

/// A few style figures of one sample, compared across samples to judge how consistent a voice is.
struct SampleMeasure: Equatable {
    var words: Int
    var meanSentenceLength: Double
    var commasPerThousand: Double
    var functionWordShare: Double
}
