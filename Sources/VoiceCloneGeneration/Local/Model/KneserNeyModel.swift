/// A word n-gram language model with interpolated modified Kneser–Ney smoothing (Chen & Goodman 1999).
///
/// Why this smoothing: a voice clone has little text, so most contexts are rare; modified KN discounts each count by
/// one of three amounts (for counts 1, 2 and 3+) estimated from the counts-of-counts, and hands the freed mass to a
/// lower order whose counts are *continuation* counts (in how many contexts a word appears), which is what makes
/// backed-off choices sound natural. Sentences are padded with one `<s>`; n-grams that begin with `<s>` keep their raw
/// counts at every order, as in KenLM.
///
/// Layout: one level per order; each level maps a packed context (21 bits per token, newest lowest) to a contiguous,
/// word-sorted slice of followers, so a probability is a few dictionary look-ups and binary searches.
struct KneserNeyModel: Sendable {
    struct Entry: Sendable {
        var total: Double
        var gammaNumerator: Double
        var start: Int32
        var count: Int32
    }

    struct Level: Sendable {
        var index: [UInt64: Int32] = [:]
        var entries: [Entry] = []
        var words: [Int32] = []
        var counts: [Int32] = []
        var discounts: (Double, Double, Double) = (0.5, 1.0, 1.5)

        func discount(_ c: Int32) -> Double {
            c == 1 ? discounts.0 : (c == 2 ? discounts.1 : discounts.2)
        }

        /// The count of `word` in the follower slice of `entry`, or 0.
        func count(of word: Int32, in entry: Entry) -> Int32 {
            var lo = Int(entry.start), hi = Int(entry.start + entry.count)
            while lo < hi {
                let mid = (lo + hi) >> 1
                let w = words[mid]
                if w == word { return counts[mid] }
                if w < word { lo = mid + 1 } else { hi = mid }
            }
            return 0
        }
    }

    private struct Gram: Hashable {
        var context: UInt64
        var word: Int32
    }

    let order: Int
    /// Number of predictable tokens: every id except `<s>`.
    let predictableCount: Int
    private(set) var levels: [Level]
    /// Cumulative unigram probabilities over ids (index = id), for sampling the mass outside the candidate set.
    private(set) var unigramCumulative: [Double] = []

    /// Trains on sentences of token ids (without padding).
    init(sentences: [[Int32]], vocabularySize: Int, order: Int) {
        precondition(order >= 1 && order <= 4, "order is chosen by the engine, not by input")
        self.order = order
        self.predictableCount = max(1, vocabularySize - 1)
        let bits = UInt64(21)

        // Raw counts of every n-gram, per order.
        var raw = [[Gram: Int32]](repeating: [:], count: order + 1)
        let tokenCount = sentences.reduce(0) { $0 + $1.count + 1 }
        for n in 1...order { raw[n].reserveCapacity(n == 1 ? tokenCount / 8 : tokenCount / (n == 2 ? 2 : 1)) }
        var padded: [Int32] = []
        for sentence in sentences {
            padded.removeAll(keepingCapacity: true)
            padded.append(Vocabulary.sentenceStart)
            padded.append(contentsOf: sentence)
            padded.append(Vocabulary.sentenceEnd)
            for i in 1..<padded.count {
                var context: UInt64 = 0
                raw[1][Gram(context: 0, word: padded[i]), default: 0] += 1
                var n = 2
                while n <= order && i - n + 1 >= 0 {
                    context |= UInt64(UInt32(padded[i - n + 1])) << (bits * UInt64(n - 2))
                    raw[n][Gram(context: context, word: padded[i]), default: 0] += 1
                    n += 1
                }
            }
        }

        // Adjusted counts: continuation counts below the top order, except for n-grams that start with <s>.
        var adjusted = raw
        if order >= 2 {
            for n in 1..<order {
                var continuation: [Gram: Int32] = [:]
                continuation.reserveCapacity(raw[n].count)
                let keep = UInt64(1) << (bits * UInt64(n - 1)) - 1
                for gram in raw[n + 1].keys {
                    continuation[Gram(context: gram.context & keep, word: gram.word), default: 0] += 1
                }
                if n >= 2 {
                    let shift = bits * UInt64(n - 2)
                    for (gram, count) in raw[n] where gram.context >> shift == UInt64(Vocabulary.sentenceStart) {
                        continuation[gram] = count
                    }
                }
                adjusted[n] = continuation
            }
        }

        var levels: [Level] = []
        for n in 1...order {
            var grams = adjusted[n].map { ($0.key.context, $0.key.word, $0.value) }
            grams.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var level = Level()
            level.words.reserveCapacity(grams.count)
            level.counts.reserveCapacity(grams.count)
            var countOfCounts = [Double](repeating: 0, count: 5)
            for g in grams where g.2 <= 4 { countOfCounts[Int(g.2)] += 1 }
            level.discounts = KneserNeyModel.discounts(countOfCounts)
            var i = 0
            while i < grams.count {
                let context = grams[i].0
                var entry = Entry(total: 0, gammaNumerator: 0, start: Int32(i), count: 0)
                var n1 = 0.0, n2 = 0.0, n3 = 0.0
                while i < grams.count && grams[i].0 == context {
                    let c = grams[i].2
                    level.words.append(grams[i].1)
                    level.counts.append(c)
                    entry.total += Double(c)
                    if c == 1 { n1 += 1 } else if c == 2 { n2 += 1 } else { n3 += 1 }
                    i += 1
                }
                entry.count = Int32(i) - entry.start
                entry.gammaNumerator = level.discounts.0 * n1 + level.discounts.1 * n2 + level.discounts.2 * n3
                level.index[context] = Int32(level.entries.count)
                level.entries.append(entry)
            }
            levels.append(level)
        }
        self.levels = levels

        var cumulative = [Double](repeating: 0, count: vocabularySize)
        var running = 0.0
        for id in 1..<vocabularySize {
            running += unigramProbability(Int32(id))
            cumulative[id] = running
        }
        self.unigramCumulative = cumulative
    }

    /// Chen & Goodman's estimates D1, D2, D3+ from counts of n-grams seen exactly 1, 2, 3 and 4 times, falling back to
    /// conventional values when a tiny corpus leaves a count at zero.
    static func discounts(_ n: [Double]) -> (Double, Double, Double) {
        guard n[1] > 0, n[2] > 0, n[3] > 0, n[4] > 0 else { return (0.5, 1.0, 1.5) }
        let y = n[1] / (n[1] + 2 * n[2])
        let d1 = 1 - 2 * y * n[2] / n[1]
        let d2 = 2 - 3 * y * n[3] / n[2]
        let d3 = 3 - 4 * y * n[4] / n[3]
        func clamp(_ d: Double, _ upper: Double, _ fallback: Double) -> Double {
            d.isFinite && d > 0.05 && d < upper ? d : fallback
        }
        return (clamp(d1, 1, 0.5), clamp(d2, 2, 1.0), clamp(d3, 3, 1.5))
    }

    /// Packs the last `length` ids of `history` into a context key.
    @inline(__always)
    static func contextKey(_ history: [Int32], length: Int) -> UInt64 {
        var key: UInt64 = 0
        for j in 0..<length {
            key |= UInt64(UInt32(history[history.count - 1 - j])) << (21 * UInt64(j))
        }
        return key
    }

    func unigramProbability(_ word: Int32) -> Double {
        let level = levels[0]
        guard let entryIndex = level.index[0] else { return 1 / Double(predictableCount) }
        let entry = level.entries[Int(entryIndex)]
        let c = level.count(of: word, in: entry)
        let discounted = c > 0 ? max(Double(c) - level.discount(c), 0) : 0
        let uniform = word == Vocabulary.sentenceStart ? 0 : 1 / Double(predictableCount)
        return (discounted + entry.gammaNumerator * uniform) / entry.total
    }

    /// The entries of every context of `history` that the model knows, from order 2 upward (index 0 = bigram context).
    func contextEntries(_ history: [Int32]) -> [(level: Int, entry: Entry)] {
        var found: [(Int, Entry)] = []
        var length = 1
        while length < order && length <= history.count {
            let level = levels[length]
            guard let index = level.index[KneserNeyModel.contextKey(history, length: length)] else { break }
            found.append((length, level.entries[Int(index)]))
            length += 1
        }
        return found
    }

    /// P(word | history), interpolated across all orders. `history` starts with `<s>`.
    func probability(_ word: Int32, history: [Int32]) -> Double {
        probability(word, entries: contextEntries(history))
    }

    func probability(_ word: Int32, entries: [(level: Int, entry: Entry)]) -> Double {
        var p = unigramProbability(word)
        for (levelIndex, entry) in entries {
            let level = levels[levelIndex]
            let c = level.count(of: word, in: entry)
            let discounted = c > 0 ? max(Double(c) - level.discount(c), 0) : 0
            p = (discounted + entry.gammaNumerator * p) / entry.total
        }
        return p
    }

    /// Samples an id from the unigram distribution by binary search on the cumulative table.
    func sampleUnigram(_ u: Double) -> Int32 {
        let target = u * (unigramCumulative.last ?? 1)
        var lo = 1, hi = unigramCumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if unigramCumulative[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return Int32(lo)
    }
}
