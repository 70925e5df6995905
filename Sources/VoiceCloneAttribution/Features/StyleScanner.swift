/// The attribution feature extractor: one pass over a text's UTF-8 bytes yielding word tokens,
/// character 3-/4-grams and punctuation/sentence tallies.
///
/// It is deliberately separate from the Voice DNA tokenizer in `VoiceCloneAnalysis`: attribution
/// rescans every sample of every candidate on each call and must attribute thousands of files in one
/// go, so it works on raw bytes with no `String`/`Character` allocation, hashes words instead of
/// storing them, and only needs the coarse distinctions stylometry uses (lowercase words with
/// internal apostrophes; ASCII case folding; non-ASCII bytes count as letters).
///
/// Normalisation makes editions comparable: curly quotes become straight ones, an em dash becomes
/// `--`, an ellipsis `...`, runs of whitespace one space.
enum StyleScanner {
    static let maxSpellingBytes = 48

    /// The hash the scanner gives `word` (lowercase ASCII expected), for word lists such as pronouns.
    static func hash(of word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    /// Scans `text`, ending a chunk every `chunkWords` words and once more at the end
    /// (an empty text yields one empty chunk).
    static func scan<Sink: ScanSink>(_ text: String, chunkWords: Int, into sink: inout Sink) {
        var copy = text
        copy.withUTF8 { bytes in
            var state = ScanState(chunkWords: max(1, chunkWords))
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxSpellingBytes) { spelling in
                let n = bytes.count
                var i = 0
                while i < n {
                    let b = bytes[i]
                    if b < 0x80 {
                        if b >= 65 && b <= 90 {
                            state.emit(b | 0x20, &sink, spelling)
                        } else if b <= 32 || b == 127 {
                            state.emit(32, &sink, spelling)
                        } else {
                            state.emit(b, &sink, spelling)
                        }
                    } else if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 {
                        switch bytes[i + 2] {
                        case 0x98, 0x99: state.emit(39, &sink, spelling); i += 2
                        case 0x9C, 0x9D: state.emit(34, &sink, spelling); i += 2
                        case 0x93: state.emit(45, &sink, spelling); i += 2
                        case 0x94: state.emit(45, &sink, spelling); state.emit(45, &sink, spelling); i += 2
                        case 0xA6:
                            state.emit(46, &sink, spelling); state.emit(46, &sink, spelling)
                            state.emit(46, &sink, spelling); i += 2
                        default: state.emit(b, &sink, spelling)
                        }
                    } else if b == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 {
                        state.emit(32, &sink, spelling); i += 1
                    } else {
                        state.emit(b, &sink, spelling)
                    }
                    i += 1
                }
                state.finish(&sink, spelling)
            }
        }
    }
}

/// The scanner's running state; a struct so the hot loop keeps it in registers.
private struct ScanState {
    let chunkWords: Int
    var previous: UInt8 = 32
    var window: UInt64 = 0
    var filled = 0
    var inWord = false
    var pendingApostrophe = false
    var wordHash: UInt64 = 0
    var wordLength = 0
    var sentenceWords = 0
    var chunkWordCount = 0
    var chunksEmitted = 0
    var style = StyleSums()

    init(chunkWords: Int) { self.chunkWords = chunkWords }

    @inline(__always)
    mutating func emit<Sink: ScanSink>(_ c: UInt8, _ sink: inout Sink, _ spelling: UnsafeMutableBufferPointer<UInt8>) {
        if c == 32 && previous == 32 { return }
        previous = c
        window = ((window << 8) | UInt64(c)) & 0xFFFF_FFFF
        filled += 1
        if filled >= 3 { sink.ngram(window & 0xFF_FFFF) }
        if filled >= 4 { sink.ngram(window) }

        let isWordByte = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0x80
        if isWordByte {
            if pendingApostrophe {
                append(39, spelling)
                pendingApostrophe = false
            }
            append(c, spelling)
            return
        }
        if inWord && c == 39 && !pendingApostrophe {
            pendingApostrophe = true
            style.punctuation[7] += 1
            return
        }
        if inWord { endWord(&sink, spelling) }
        pendingApostrophe = false
        switch c {
        case 44: style.punctuation[0] += 1
        case 59: style.punctuation[1] += 1
        case 58: style.punctuation[2] += 1
        case 33: style.punctuation[3] += 1; endSentence()
        case 63: style.punctuation[4] += 1; endSentence()
        case 46: style.punctuation[5] += 1; endSentence()
        case 34: style.punctuation[6] += 1
        case 39: style.punctuation[7] += 1
        case 45: style.punctuation[8] += 1
        case 40: style.punctuation[9] += 1
        default: break
        }
    }

    @inline(__always)
    private mutating func append(_ c: UInt8, _ spelling: UnsafeMutableBufferPointer<UInt8>) {
        if !inWord {
            inWord = true
            wordHash = 0xcbf2_9ce4_8422_2325
            wordLength = 0
        }
        wordHash = (wordHash ^ UInt64(c)) &* 0x100_0000_01b3
        if wordLength < spelling.count { spelling[wordLength] = c }
        wordLength += 1
    }

    private mutating func endWord<Sink: ScanSink>(_ sink: inout Sink, _ spelling: UnsafeMutableBufferPointer<UInt8>) {
        inWord = false
        let hash = wordHash == 0 ? 1 : wordHash
        let kept = min(wordLength, spelling.count)
        sink.word(hash: hash, length: wordLength, spelling: UnsafeBufferPointer(rebasing: spelling[0..<kept]))
        style.words += 1
        style.letters += Double(wordLength)
        if wordLength <= 3 { style.shortWords += 1 }
        if wordLength >= 7 { style.longWords += 1 }
        sentenceWords += 1
        chunkWordCount += 1
        if chunkWordCount >= chunkWords { endChunk(&sink) }
    }

    private mutating func endSentence() {
        guard sentenceWords > 0 else { return }
        let words = Double(sentenceWords)
        style.sentences += 1
        style.sentenceWords += words
        style.sentenceWordsSquared += words * words
        sentenceWords = 0
    }

    private mutating func endChunk<Sink: ScanSink>(_ sink: inout Sink) {
        endSentence()
        sink.chunkEnd(style: style)
        style = StyleSums()
        chunkWordCount = 0
        chunksEmitted += 1
    }

    mutating func finish<Sink: ScanSink>(_ sink: inout Sink, _ spelling: UnsafeMutableBufferPointer<UInt8>) {
        if inWord { endWord(&sink, spelling) }
        if chunkWordCount > 0 || chunksEmitted == 0 { endChunk(&sink) }
    }
}
