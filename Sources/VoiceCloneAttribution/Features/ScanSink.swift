/// Receives what `StyleScanner` finds, so one fast scanning loop can feed both the full-vocabulary
/// counting pass (to choose features) and the selected-features pass (to build vectors).
/// Generic specialisation keeps the calls inlined in release builds.
protocol ScanSink {
    /// A word token ended. `hash` is the FNV-1a hash of its lowercase bytes (never 0); `spelling`
    /// holds its first `min(length, StyleScanner.maxSpellingBytes)` bytes.
    mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>)
    /// A character 3-gram (code below 2^24) or 4-gram (code at or above 2^24) of the normalised text.
    mutating func ngram(_ code: UInt64)
    /// A chunk ended (at a word boundary after `chunkWords` words, or at the end of the text).
    mutating func chunkEnd(style: StyleSums)
}
