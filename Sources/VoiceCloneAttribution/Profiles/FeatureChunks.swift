/// One sample's chunks restricted to the features of a `FeatureLayout`: per chunk, the columns of
/// the words and n-grams it uses that are features, with their counts.
///
/// Built once per sample and layout with one pass over the sample's sparse chunk counts; every later
/// pass (centroids, variances, held-out sums) then touches only feature entries, a third or so of
/// what a chunk holds. Rates are formed exactly as a dense chunk vector holds them
/// (`Double(count) * (1 / Double(tokens))`), so sums over them are bit-identical to dense sums.
struct FeatureChunks: Sendable {
    /// Chunk `k`'s word features are `entries[starts[k]..<splits[k]]`, its n-gram features
    /// `entries[splits[k]..<starts[k + 1]]`; each entry is `(column << 32) | count`.
    private let entries: [UInt64]
    private let starts: [Int]
    private let splits: [Int]
    private let wordScales: [Double]
    private let ngramScales: [Double]
    private let styleRates: [Double]
    private let styleStart: Int
    let wordTokens: [Int]
    let ngramTokens: [Int]

    var count: Int { wordTokens.count }

    init(text: ScannedText, layout: FeatureLayout) {
        var wordColumns = [Int32](repeating: -1, count: text.wordKeys.count)
        for (column, key) in layout.wordKeys.enumerated() {
            if let id = text.wordIndex.value(key) { wordColumns[Int(id)] = Int32(column) }
        }
        var ngramColumns = [Int32](repeating: -1, count: text.ngramKeys.count)
        let offset = layout.characterRange.lowerBound
        for (column, key) in layout.ngramKeys.enumerated() {
            if let id = text.ngramIndex.value(key) { ngramColumns[Int(id)] = Int32(offset + column) }
        }
        let chunks = text.chunkCount
        var starts = [Int](repeating: 0, count: chunks + 1)
        var splits = [Int](repeating: 0, count: chunks)
        let capacity = text.wordEntries.count + text.ngramEntries.count
        let entries = [UInt64](unsafeUninitializedCapacity: capacity) { output, initialized in
            var written = 0
            /// Copies the entries of `range` whose id is a feature, with the id replaced by the column.
            /// Branch-free (write always, advance only for features): whether an entry is a feature is
            /// unpredictable, and this loop runs over every word and n-gram of every chunk.
            func keep(_ source: UnsafeBufferPointer<UInt64>, _ range: Range<Int>, _ columns: UnsafeBufferPointer<Int32>) {
                guard !range.isEmpty else { return }
                let base = output.baseAddress!
                for index in range {
                    let entry = source[index]
                    let column = columns[Int(entry >> 32)]
                    (base + written).pointee = UInt64(UInt32(bitPattern: column)) << 32 | (entry & 0xFFFF_FFFF)
                    written &+= Int(1 &+ (column >> 31))
                }
            }
            text.wordEntries.withUnsafeBufferPointer { words in
                text.ngramEntries.withUnsafeBufferPointer { ngrams in
                    wordColumns.withUnsafeBufferPointer { wordColumns in
                        ngramColumns.withUnsafeBufferPointer { ngramColumns in
                            for k in 0..<chunks {
                                keep(words, text.wordEnds[k]..<text.wordEnds[k + 1], wordColumns)
                                splits[k] = written
                                keep(ngrams, text.ngramEnds[k]..<text.ngramEnds[k + 1], ngramColumns)
                                starts[k + 1] = written
                            }
                        }
                    }
                }
            }
            initialized = written
        }
        self.entries = entries
        self.starts = starts
        self.splits = splits
        wordScales = text.chunkWordTokens.map { $0 > 0 ? 1 / Double($0) : 0 }
        ngramScales = text.chunkNgramTokens.map { $0 > 0 ? 1 / Double($0) : 0 }
        styleRates = text.styleRates
        styleStart = layout.styleRange.lowerBound
        wordTokens = text.chunkWordTokens
        ngramTokens = text.chunkNgramTokens
    }

    /// Calls `body(column, rate)` for each feature chunk `k` has a non-zero count of, then for each style feature.
    @inline(__always)
    func forEachRate(_ k: Int, _ body: (Int, Double) -> Void) {
        entries.withUnsafeBufferPointer { entries in
            let wordScale = wordScales[k], ngramScale = ngramScales[k]
            let split = splits[k]
            for index in starts[k]..<split {
                let entry = entries[index]
                body(Int(entry >> 32), Double(UInt32(truncatingIfNeeded: entry)) * wordScale)
            }
            for index in split..<starts[k + 1] {
                let entry = entries[index]
                body(Int(entry >> 32), Double(UInt32(truncatingIfNeeded: entry)) * ngramScale)
            }
        }
        let styleCount = StyleFeature.allCases.count
        let base = k * styleCount
        for offset in 0..<styleCount { body(styleStart + offset, styleRates[base + offset]) }
    }

    /// Adds chunk `k`'s rates into `values` (which must span the layout's dimension).
    func add(_ k: Int, into values: UnsafeMutableBufferPointer<Double>) {
        forEachRate(k) { values[$0] += $1 }
    }

    /// Writes chunk `k`'s rates into `values`, leaving other positions as they are.
    func write(_ k: Int, into values: UnsafeMutableBufferPointer<Double>) {
        forEachRate(k) { values[$0] = $1 }
    }

    /// Zeroes the positions `write(k, into:)` wrote.
    func clear(_ k: Int, in values: UnsafeMutableBufferPointer<Double>) {
        forEachRate(k) { column, _ in values[column] = 0 }
    }
}
