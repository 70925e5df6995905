import VoiceCloneText

/// A sample scanned once, in the form attribution needs: full word and character n-gram counts
/// (to choose features) and the same counts per chunk with each chunk's style rates (to build chunk
/// vectors for whatever features are chosen).
///
/// Counts add up, so a text never needs scanning twice: build one `ScannedText` per sample and reuse
/// it for every `Attributor` or `VoiceMatcher` that has the sample among its candidates' — when many
/// texts are attributed against the same voices, or one sample is left out at a time. Immutable and
/// safe to share across threads. Tied to `settings.chunkWords` (chunks are cut while scanning).
public final class ScannedText: Sendable {
    /// The chunk length (`AttributionSettings.chunkWords`) the text was cut with.
    public let chunkWords: Int
    /// Word tokens in the text.
    public let words: Int
    /// Chunks kept (chunks with at least one word).
    public var chunkCount: Int { chunkWordTokens.count }

    let ngramTokens: Int
    let wordKeys: [UInt64]
    let wordIndex: CountTable
    let wordTotals: [Int32]
    let ngramKeys: [UInt64]
    let ngramIndex: CountTable
    let ngramTotals: [Int32]
    let spellingBytes: [UInt8]
    let spellingEnds: [Int]
    /// Chunk `k`'s word entries are `wordEntries[wordEnds[k]..<wordEnds[k + 1]]`, each `(id << 32) | count`.
    let wordEntries: [UInt64]
    let wordEnds: [Int]
    let ngramEntries: [UInt64]
    let ngramEnds: [Int]
    let chunkWordTokens: [Int]
    let chunkNgramTokens: [Int]
    /// `StyleFeature.allCases.count` rates per chunk.
    let styleRates: [Double]

    /// Scans `text`, cutting it into chunks of about `settings.chunkWords` words (as even as possible).
    public convenience init(_ text: String, settings: AttributionSettings = .standard) {
        self.init(text: text, chunkWords: settings.chunkWords)
    }

    /// Scans many texts on all cores; results are in the order of `texts`.
    public static func scan(_ texts: [String], settings: AttributionSettings = .standard) -> [ScannedText] {
        ParallelMap.map(texts.count) { ScannedText(texts[$0], settings: settings) }
    }

    init(text: String, chunkWords: Int) {
        var counter = WordCountSink()
        StyleScanner.scan(text, chunkWords: Int.max, into: &counter)
        let target = max(1, chunkWords)
        let pieces = max(1, Int((Double(counter.words) / Double(target)).rounded()))
        let size = (counter.words + pieces - 1) / pieces
        var sink = ProfileSink()
        StyleScanner.scan(text, chunkWords: max(1, size), into: &sink)
        sink.finish()
        self.chunkWords = chunkWords
        words = sink.words.tokens
        ngramTokens = sink.ngrams.tokens
        wordKeys = sink.words.keys
        wordIndex = sink.words.index
        wordTotals = sink.words.totals
        ngramKeys = sink.ngrams.keys
        ngramIndex = sink.ngrams.index
        ngramTotals = sink.ngrams.totals
        spellingBytes = sink.spellingBytes
        spellingEnds = sink.spellingEnds
        wordEntries = ScannedText.compacted(sink.wordEntries)
        wordEnds = sink.wordEnds
        ngramEntries = ScannedText.compacted(sink.ngramEntries)
        ngramEnds = sink.ngramEnds
        chunkWordTokens = sink.chunkWordTokens
        chunkNgramTokens = sink.chunkNgramTokens
        styleRates = sink.styleRates
    }

    /// A copy without the spare capacity appending left: a scanned text may be kept for the life of a
    /// process, and its chunk entries are most of its memory.
    private static func compacted(_ array: [UInt64]) -> [UInt64] {
        guard array.capacity > array.count + array.count / 16 else { return array }
        return [UInt64](unsafeUninitializedCapacity: array.count) { buffer, initialized in
            _ = buffer.initialize(from: array)
            initialized = array.count
        }
    }

    /// How often the word with this hash occurs in the whole text.
    func count(ofWord key: UInt64) -> Int {
        wordIndex.value(key).map { Int(wordTotals[Int($0)]) } ?? 0
    }

    /// How often the character n-gram with this code occurs in the whole text.
    func count(ofNgram code: UInt64) -> Int {
        ngramIndex.value(code).map { Int(ngramTotals[Int($0)]) } ?? 0
    }

    /// How the word with this hash was first spelled in the text (its first 48 bytes), or `nil`.
    func spelling(of key: UInt64) -> String? {
        guard let id = wordIndex.value(key) else { return nil }
        let end = spellingEnds[Int(id)]
        let start = id == 0 ? 0 : spellingEnds[Int(id) - 1]
        return String(decoding: spellingBytes[start..<end], as: UTF8.self)
    }
}
