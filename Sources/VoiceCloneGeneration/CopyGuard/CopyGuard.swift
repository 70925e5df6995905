/// The no-copy guard: finds the longest run of consecutive words a text shares with any sample.
///
/// Why: a voice clone must write *new* text; an n-gram model trained on a small corpus can otherwise drift into
/// reciting a sample. Every output is checked against all samples, and runs of `limit` words or more are refused.
///
/// How: all sample words are hashed into one array (samples separated by a sentinel so a run never spans two
/// samples), with a sorted index of word trigrams. A text's longest shared run is found by looking up each of its
/// trigrams and extending matches word by word, which is exact and fast for the sizes voice clones have.
public struct CopyGuard: Sendable {
    /// Runs of this many words or more count as copying.
    public let limit: Int
    private let corpus: [UInt64]
    private let trigramKeys: [UInt64]
    private let trigramPositions: [Int32]
    private let unigrams: Set<UInt64>
    private let bigrams: Set<UInt64>

    /// - Parameters:
    ///   - samples: the texts that must not be copied.
    ///   - limit: the shortest run that counts as copying (at least 3; default 12).
    public init(samples: [String], limit: Int = 12) {
        self.limit = max(3, limit)
        var corpus: [UInt64] = [0]
        for sample in samples {
            corpus.append(contentsOf: WordHasher.hashes(sample))
            corpus.append(0)
        }
        var unigrams = Set<UInt64>(), bigrams = Set<UInt64>()
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(corpus.count)
        for i in 0..<corpus.count where corpus[i] != 0 {
            unigrams.insert(corpus[i])
            if i + 1 < corpus.count, corpus[i + 1] != 0 {
                bigrams.insert(WordHasher.combine(corpus[i], corpus[i + 1]))
                if i + 2 < corpus.count, corpus[i + 2] != 0 {
                    pairs.append((CopyGuard.trigram(corpus, i), Int32(i)))
                }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        self.corpus = corpus
        self.sampleWordCount = corpus.count - samples.count - 1
        self.trigramKeys = pairs.map(\.0)
        self.trigramPositions = pairs.map(\.1)
        self.unigrams = unigrams
        self.bigrams = bigrams
    }

    /// The number of words in the samples the guard protects.
    public let sampleWordCount: Int

    /// The longest run of consecutive words of `text` that also occurs, in order, in one sample.
    public func longestSharedRun(_ text: String) -> Int {
        longestRun(in: WordHasher.hashes(text)).length
    }

    /// True when `text` has no run of `limit` or more words copied from a sample.
    public func isOriginal(_ text: String) -> Bool { longestSharedRun(text) < limit }

    /// Word-index ranges of `text` that are shared with a sample for `limit` words or more.
    public func copiedSpans(_ text: String) -> [Range<Int>] {
        spans(in: WordHasher.hashes(text), minimum: limit)
    }

    /// Longest shared run over already-hashed words, and where it starts in `words`.
    func longestRun(in words: [UInt64]) -> (length: Int, start: Int) {
        var best = (length: 0, start: 0)
        for (i, w) in words.enumerated() where unigrams.contains(w) {
            best = (1, i)
            break
        }
        guard best.length > 0, words.count >= 2 else { return best }
        for i in 0..<(words.count - 1) where bigrams.contains(WordHasher.combine(words[i], words[i + 1])) {
            best = (2, i)
            break
        }
        guard best.length > 1, words.count >= 3 else { return best }
        for i in 0..<(words.count - 2) {
            let length = longestMatch(words, at: i)
            if length > best.length { best = (length, i) }
        }
        return best
    }

    /// Every maximal shared run of at least `minimum` words.
    func spans(in words: [UInt64], minimum: Int) -> [Range<Int>] {
        guard words.count >= 3 else { return [] }
        var result: [Range<Int>] = []
        for i in 0..<(words.count - 2) {
            let length = longestMatch(words, at: i)
            guard length >= minimum else { continue }
            let range = i..<(i + length)
            if let last = result.last, last.upperBound >= range.upperBound { continue }
            result.append(range)
        }
        return result
    }

    /// Length of the longest sample run that matches `words` starting exactly at `i` (0 if under 3).
    private func longestMatch(_ words: [UInt64], at i: Int) -> Int {
        guard i + 2 < words.count else { return 0 }
        let key = WordHasher.combine(WordHasher.combine(words[i], words[i + 1]), words[i + 2])
        var lo = 0, hi = trigramKeys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if trigramKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var best = 0
        var k = lo
        while k < trigramKeys.count && trigramKeys[k] == key {
            let p = Int(trigramPositions[k])
            var length = 0
            while i + length < words.count && corpus[p + length] == words[i + length] { length += 1 }
            best = max(best, length)
            if i + best >= words.count { break }
            k += 1
        }
        return best
    }

    private static func trigram(_ c: [UInt64], _ i: Int) -> UInt64 {
        WordHasher.combine(WordHasher.combine(c[i], c[i + 1]), c[i + 2])
    }
}
