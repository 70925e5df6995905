/// Counts every word and character n-gram of a text, per chunk and in total, in one pass: the
/// sink behind `ScannedText`. Chunks are kept sparse (the ids a chunk used and how often), so any
/// later choice of features can turn them into vectors without scanning the text again.
struct ProfileSink: ScanSink {
    var words = ChunkedVocabulary(capacity: 4096)
    var ngrams = ChunkedVocabulary(capacity: 16384)
    /// The first spelling of each word id, back to back; `spellingEnds[id]` is where it ends.
    var spellingBytes: [UInt8] = []
    var spellingEnds: [Int] = []
    var wordEntries: [UInt64] = []
    var wordEnds: [Int] = [0]
    var ngramEntries: [UInt64] = []
    var ngramEnds: [Int] = [0]
    var chunkWordTokens: [Int] = []
    var chunkNgramTokens: [Int] = []
    /// `StyleFeature.allCases.count` rates per kept chunk.
    var styleRates: [Double] = []

    mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) {
        if words.count(hash) {
            spellingBytes.append(contentsOf: spelling)
            spellingEnds.append(spellingBytes.count)
        }
    }

    mutating func ngram(_ code: UInt64) {
        ngrams.count(code)
    }

    /// Keeps the chunk unless it has no words (only an empty text ends such a chunk); its counts
    /// go into the totals either way.
    mutating func chunkEnd(style: StyleSums) {
        let keep = words.chunkTokens > 0
        let wordTokens = words.closeChunk(into: &wordEntries, keep: keep)
        let ngramTokens = ngrams.closeChunk(into: &ngramEntries, keep: keep)
        guard keep else { return }
        wordEnds.append(wordEntries.count)
        ngramEnds.append(ngramEntries.count)
        chunkWordTokens.append(wordTokens)
        chunkNgramTokens.append(ngramTokens)
        styleRates.append(contentsOf: style.rates())
    }

    /// Adds tokens after the last chunk end (punctuation after the last full chunk) to the totals
    /// only, as the chunk vectors never included them.
    mutating func finish() {
        var unused: [UInt64] = []
        words.closeChunk(into: &unused, keep: false)
        ngrams.closeChunk(into: &unused, keep: false)
    }
}
