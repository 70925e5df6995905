/// Counts every word and n-gram of a text (the pass that chooses which features to use),
/// remembering how each word hash is spelled so drivers can be shown as words.
struct TotalsSink: ScanSink {
    var words = CountTable(capacity: 4096)
    var ngrams = CountTable(capacity: 16384)
    var spellings: [UInt64: String] = [:]
    var wordTokens = 0
    var ngramTokens = 0
    var style = StyleSums()

    mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) {
        let before = words.count
        words.add(hash)
        wordTokens += 1
        if words.count != before {
            spellings[hash] = String(decoding: spelling, as: UTF8.self)
        }
    }

    mutating func ngram(_ code: UInt64) {
        ngrams.add(code)
        ngramTokens += 1
    }

    mutating func chunkEnd(style: StyleSums) {
        self.style += style
    }
}
