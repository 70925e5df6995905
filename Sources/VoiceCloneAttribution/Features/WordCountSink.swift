/// Counts word tokens only. Chunk length depends on a text's word count, so `ScannedText` runs this
/// cheap pass first; with the other callbacks empty, the specialised scan loop does little else.
struct WordCountSink: ScanSink {
    var words = 0

    @inline(__always)
    mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) { words += 1 }

    @inline(__always)
    mutating func ngram(_ code: UInt64) {}

    mutating func chunkEnd(style: StyleSums) {}
}
