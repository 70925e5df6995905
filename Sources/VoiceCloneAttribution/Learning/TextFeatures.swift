import VoiceCloneText

/// The sparse counts the learned attributor and the verifier read from one chunk of text: hashed
/// character 1–4-grams, words and word bigrams, the punctuation/sentence tallies of the DNA style
/// features, and the sequence of common-word classes that the word-order evidence scores.
///
/// Everything comes from one pass of `StyleScanner` (the attribution tokenizer), so words are counted
/// exactly as Cosine Delta counts them. Keys are 32-bit: the top byte names the family, the low 24
/// bits a hash inside it, so no feature string is ever stored.
struct TextFeatures: Sendable {
    /// Sorted distinct keys and how often each occurs.
    var keys: [UInt32]
    var counts: [Float]
    var words: Int
    var style: StyleSums
    /// Word hashes in order (for the word-order evidence); kept only when asked for.
    var wordSequence: [UInt64]

    enum Family: UInt32, CaseIterable {
        case shortCharacters = 0, longCharacters = 1, words = 2, wordPairs = 3
    }

    static func key(_ family: Family, _ hash: UInt64) -> UInt32 {
        let mixed = (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9
        return family.rawValue << 24 | UInt32(truncatingIfNeeded: (mixed ^ (mixed >> 32)) & 0xFF_FFFF)
    }

    static func family(of key: UInt32) -> Family { Family(rawValue: key >> 24) ?? .words }

    /// Cuts `text` into chunks of `chunkWords` words (the last one shorter; one chunk for Int.max).
    static func chunks(of text: String, chunkWords: Int, keepSequence: Bool = false) -> [TextFeatures] {
        var sink = Sink(keepSequence: keepSequence)
        StyleScanner.scan(text, chunkWords: chunkWords, into: &sink)
        return sink.done
    }

    /// The whole text as one chunk.
    static func whole(_ text: String, keepSequence: Bool = false) -> TextFeatures {
        chunks(of: text, chunkWords: Int.max, keepSequence: keepSequence)[0]
    }

    private struct Sink: ScanSink {
        let keepSequence: Bool
        var pending: [UInt32] = []
        var sequence: [UInt64] = []
        var previousWord: UInt64 = 0
        var words = 0
        var done: [TextFeatures] = []

        init(keepSequence: Bool) {
            self.keepSequence = keepSequence
            pending.reserveCapacity(4096)
        }

        mutating func word(hash: UInt64, length: Int, spelling: UnsafeBufferPointer<UInt8>) {
            pending.append(TextFeatures.key(.words, hash))
            if previousWord != 0 {
                pending.append(TextFeatures.key(.wordPairs, previousWord &* 31 &+ hash))
            }
            previousWord = hash
            words += 1
            if keepSequence { sequence.append(hash) }
        }

        mutating func ngram(_ code: UInt64) {
            if code < 1 << 24 {
                // Every normalised character ends exactly one 3-gram, so its 1- and 2-grams are read from it.
                pending.append(TextFeatures.key(.shortCharacters, code & 0xFF))
                pending.append(TextFeatures.key(.shortCharacters, (code & 0xFFFF) | 1 << 40))
                pending.append(TextFeatures.key(.longCharacters, code))
            } else {
                pending.append(TextFeatures.key(.longCharacters, code | 1 << 40))
            }
        }

        mutating func chunkEnd(style: StyleSums) {
            RadixSort.sort(&pending)
            var keys: [UInt32] = [], counts: [Float] = []
            keys.reserveCapacity(pending.count / 2)
            counts.reserveCapacity(pending.count / 2)
            for key in pending {
                if let last = keys.last, last == key {
                    counts[counts.count - 1] += 1
                } else {
                    keys.append(key)
                    counts.append(1)
                }
            }
            done.append(TextFeatures(keys: keys, counts: counts, words: words, style: style, wordSequence: sequence))
            pending.removeAll(keepingCapacity: true)
            sequence = []
            previousWord = 0
            words = 0
        }
    }
}
