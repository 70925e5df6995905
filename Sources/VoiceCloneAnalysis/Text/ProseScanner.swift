/// The single pass over prose bytes that tokenizes words, splits sentences and paragraphs and counts punctuation.
///
/// Everything is decided on UTF-8 bytes with a few Unicode scalar checks for non-ASCII letters, because analysis
/// must keep pace with `wc -w`. Sentence ends are decided lazily, when the next word arrives:
/// - a period ends the sentence, whatever the case of the next word (people do start sentences in lowercase),
///   except after titles and initials ("Dr. Smith", "J. Austen"), "e.g."/"i.e.", in decimals ("3.5"), before a
///   letter with no space ("Ph.D.", "node.js"), and after "No."/"Fig."/"Vol." when a number follows;
/// - after other abbreviations ("etc.", "U.S.", "approx.") and after an ellipsis, only a next word that does not
///   start in lowercase ends it ("the U.S. economy" is one sentence);
/// - `!` and `?` end it, except inside a quotation followed by a lowercase word ("'Help!' she cried");
/// - hard breaks (`\n`) always end one.
struct ProseScanner {
    /// When true, a single `\n` is a space and a blank line ends a paragraph (raw text); when false, `\n` is a hard
    /// break and `\n\n` a paragraph end (the output of `MarkdownStripper`).
    let softLineBreaks: Bool
    var recordSpans = false

    var table = WordTable()
    var typeCounts: [Int32] = []
    var openerCounts: [Int32] = []
    /// Word ids in text order; sentences partition it in order (see `sentenceLengths`).
    var ids: [Int32] = []
    var sentenceLengths: [Int32] = []
    var paragraphWords: [Int32] = []
    var paragraphSentences: [Int32] = []
    /// Byte ranges of sentences, when `recordSpans` is set.
    var spans: [Range<Int>] = []
    var punctuation = [Int](repeating: 0, count: PunctuationMark.allCases.count)
    var questions = 0, exclamations = 0
    var emoji = 0, hashtags = 0, mentions = 0, urls = 0, allCapsWords = 0
    var oxfordWith = 0, oxfordWithout = 0

    /// `numeral`: a period after "No.", "Fig.", "Vol." and the like, which ends the sentence unless a number follows.
    private enum Pending { case none, period, softPeriod, numeral, question, exclamation, ellipsis }
    private var pending = Pending.none
    private var sentenceWords = 0
    private var sentenceStart = -1
    /// Where a non-word mark after a pending terminator and a space began (an opening quote): the next sentence's
    /// start if the terminator turns out to end the sentence.
    private var nextSentenceStart = -1
    private var sentenceEnd = 0
    private var spaceSincePending = false
    /// A closing quote followed the pending `!`/`?` (the terminator belongs to a quotation).
    private var quoteAfterPending = false
    private var paraWords = 0, paraSentences = 0
    private var lastWordEnd = -1
    private var lastWordStart = 0
    private var lastWordDotted = false
    private var lastTokenWasComma = false
    private var lastCommaAt = -100, previousCommaAt = -100
    private var scratch: [UInt8] = []

    init(softLineBreaks: Bool) {
        self.softLineBreaks = softLineBreaks
        scratch.reserveCapacity(64)
    }

    // MARK: Byte classes

    @inline(__always) static func isASCIIAlnum(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Decodes the scalar at `i` (which must start a multi-byte sequence) and its length.
    @inline(__always) static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c & 0xE0 == 0xC0, i + 1 < b.count { return ((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2) }
        if c & 0xF0 == 0xE0, i + 2 < b.count {
            return ((UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        if c & 0xF8 == 0xF0, i + 3 < b.count {
            return ((UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always) static func isLetterScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIAlnum(UInt8(v)) }
        if v == 0x2019 || v == 0x2018 || v == 0x00A0 { return false }
        // Punctuation, currency, arrows, maths, box drawing, shapes and dingbats (curly quotes and dashes are most
        // of the non-ASCII bytes of English prose): none are letters, so skip the Unicode property lookup.
        if (0x2000...0x206F).contains(v) || (0x20A0...0x20CF).contains(v) || (0x2190...0x23FF).contains(v) || (0x2500...0x27BF).contains(v) {
            return false
        }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always) static func isEmojiScalar(_ v: UInt32) -> Bool {
        if (0x1F300...0x1FAFF).contains(v) || (0x1F000...0x1F2FF).contains(v) { return !(0x1F3FB...0x1F3FF).contains(v) }
        if (0x2600...0x27BF).contains(v) { return true }
        return false
    }

    // MARK: Scanning

    mutating func scan(_ b: UnsafeBufferPointer<UInt8>) {
        ids.reserveCapacity(ids.count + b.count / 5)
        var i = 0
        let n = b.count
        var lastScalarWasZWJ = false
        while i < n {
            let c = b[i]
            if c == 0x0A {
                var j = i + 1
                while j < n && (b[j] == 0x20 || b[j] == 0x0D || b[j] == 0x09) { j += 1 }
                let blank = j < n && b[j] == 0x0A
                if blank {
                    endSentence()
                    endParagraph()
                    while j < n && (b[j] == 0x0A || b[j] == 0x20 || b[j] == 0x0D || b[j] == 0x09) { j += 1 }
                    i = j
                    continue
                }
                if !softLineBreaks { endSentence() } else if pending != .none { spaceSincePending = true }
                i += 1
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D {
                if pending != .none { spaceSincePending = true }
                i += 1
                continue
            }
            if ProseScanner.isASCIIAlnum(c) {
                i = word(b, i)
                continue
            }
            if c >= 0x80 {
                let (v, len) = ProseScanner.scalar(b, i)
                if v == 0x200D { lastScalarWasZWJ = true; i += len; continue }
                defer { lastScalarWasZWJ = false }
                if ProseScanner.isLetterScalar(v) { i = word(b, i); continue }
                switch v {
                case 0x2014: mark(.emDash, i, len)
                case 0x2013: mark(.enDash, i, len)
                case 0x2026: mark(.ellipsis, i, len); setPending(.ellipsis, i + len)
                case 0x201C, 0x201D, 0x2018, 0x2019: mark(.curlyQuote, i, len)
                case 0x00A0, 0x2009, 0x202F, 0x2002, 0x2003:
                    if pending != .none { spaceSincePending = true }
                default:
                    if ProseScanner.isEmojiScalar(v) {
                        if !lastScalarWasZWJ { emoji += 1 }
                        touch(i, len)
                    }
                }
                i += len
                continue
            }
            switch c {
            case 0x2E: // .
                if i + 2 < n, b[i + 1] == 0x2E, b[i + 2] == 0x2E {
                    var j = i
                    while j < n && b[j] == 0x2E { j += 1 }
                    mark(.ellipsis, i, j - i)
                    setPending(.ellipsis, j)
                    i = j
                    continue
                }
                touch(i, 1)
                if lastWordEnd == i {
                    let kind = abbreviationKind(b)
                    if kind == 0 { setPending(.period, i + 1) } else if kind == 1 { setPending(.softPeriod, i + 1) }
                    else if kind == 3 { setPending(.numeral, i + 1) }
                } else {
                    setPending(.period, i + 1)
                }
            case 0x21, 0x3F: // ! ?
                var j = i
                var sawQuestion = false
                while j < n && (b[j] == 0x21 || b[j] == 0x3F) {
                    if b[j] == 0x3F { sawQuestion = true; punctuation[PunctuationMark.question.rawValue] += 1 } else { punctuation[PunctuationMark.exclamation.rawValue] += 1 }
                    j += 1
                }
                touch(i, j - i)
                setPending(sawQuestion ? .question : .exclamation, j)
                i = j
                continue
            case 0x2C:
                mark(.comma, i, 1)
                if lastCommaAt != sentenceWords { previousCommaAt = lastCommaAt }
                lastCommaAt = sentenceWords
                lastTokenWasComma = true
                i += 1
                continue
            case 0x3B: mark(.semicolon, i, 1)
            case 0x3A: mark(.colon, i, 1)
            case 0x28: mark(.parenthesis, i, 1)
            case 0x22: mark(.straightQuote, i, 1)
            case 0x27: mark(.straightQuote, i, 1)
            case 0x2D: // -- is an em dash; a spaced single hyphen is used as an en dash
                var j = i
                while j < n && b[j] == 0x2D { j += 1 }
                if j - i >= 2 { mark(.emDash, i, j - i) }
                else if (i == 0 || b[i - 1] == 0x20) && (j == n || b[j] == 0x20) { mark(.enDash, i, 1) }
                i = j
                continue
            case 0x23, 0x40: // #hashtag, @mention
                if i + 1 < n, ProseScanner.isASCIIAlnum(b[i + 1]) || b[i + 1] >= 0x80, i == 0 || !ProseScanner.isASCIIAlnum(b[i - 1]) {
                    var j = i + 1
                    while j < n && (ProseScanner.isASCIIAlnum(b[j]) || b[j] == 0x5F || b[j] >= 0x80) { j += 1 }
                    if c == 0x23 { hashtags += 1 } else { mentions += 1 }
                    touch(i, j - i)
                    i = j
                    continue
                }
                touch(i, 1)
            default:
                touch(i, 1)
            }
            lastTokenWasComma = false
            i += 1
        }
    }

    /// Marks bytes as part of the current sentence (for spans) without being words.
    @inline(__always) private mutating func touch(_ i: Int, _ len: Int) {
        guard recordSpans else { return }
        if pending != .none {
            if spaceSincePending {
                if nextSentenceStart < 0 { nextSentenceStart = i }
                return
            }
            sentenceEnd = i + len
            return
        }
        if sentenceStart < 0 { sentenceStart = i }
        sentenceEnd = i + len
    }

    @inline(__always) private mutating func mark(_ m: PunctuationMark, _ i: Int, _ len: Int) {
        punctuation[m.rawValue] += 1
        if pending != .none, !spaceSincePending, m == .straightQuote || m == .curlyQuote { quoteAfterPending = true }
        touch(i, len)
        lastTokenWasComma = false
    }

    @inline(__always) private mutating func setPending(_ p: Pending, _ end: Int) {
        if sentenceWords == 0 { return }
        pending = p
        spaceSincePending = false
        quoteAfterPending = false
        if end > sentenceEnd { sentenceEnd = end }
    }

    /// Reads one word starting at `start` and returns the index after it.
    private mutating func word(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        let n = b.count
        var i = start
        var letters = 0
        var upper = 0
        var lower = 0
        var segmentLetters = 0
        var dotted = false
        // Bytes of 0x80 and above enter a word only through the branch below; uppercase ASCII only through `upper`.
        var sawNonASCII = false
        while i < n {
            let c = b[i]
            if ProseScanner.isASCIIAlnum(c) {
                letters += 1; segmentLetters += 1
                if c >= 0x41 && c <= 0x5A { upper += 1 } else if c >= 0x61 { lower += 1 }
                i += 1
                continue
            }
            if c >= 0x80 {
                let (v, len) = ProseScanner.scalar(b, i)
                if ProseScanner.isLetterScalar(v) {
                    letters += 1; segmentLetters += 1; lower += 1
                    sawNonASCII = true
                    i += len
                    continue
                }
                if v == 0x2019, i + len < n, letters > 0, nextIsLetter(b, i + len) { i += len; segmentLetters = 0; sawNonASCII = true; continue }
                break
            }
            if i + 1 < n {
                let d = b[i + 1]
                if c == 0x27, letters > 0, nextIsLetter(b, i + 1) { i += 1; segmentLetters = 0; continue }
                if c == 0x2D, ProseScanner.isASCIIAlnum(d) || d >= 0x80, nextIsLetter(b, i + 1) || ProseScanner.isDigit(d) { i += 1; segmentLetters = 0; continue }
                // Decimals, digit groups and times: 3.5, 1,000, 10:30.
                if (c == 0x2E || c == 0x2C || c == 0x3A), ProseScanner.isDigit(d), i > start, ProseScanner.isDigit(b[i - 1]) { i += 1; continue }
                // Dotted abbreviations: U.S., e.g., a.m.
                if c == 0x2E, segmentLetters == 1, ProseScanner.isASCIIAlnum(d), !ProseScanner.isDigit(d), i + 2 >= n || !ProseScanner.isASCIIAlnum(b[i + 2]) {
                    dotted = true
                    segmentLetters = 0
                    i += 1
                    continue
                }
                // URLs and e-mail addresses are not prose.
                if c == 0x3A, d == 0x2F, i + 2 < n, b[i + 2] == 0x2F { return skipURL(b, start) }
                if c == 0x40, ProseScanner.isASCIIAlnum(d), letters > 0 { return skipURL(b, start) }
            }
            break
        }
        if i - start == 3 || i - start == 4, i < n, b[i] == 0x2E, isWWW(b, start) { return skipURL(b, start) }
        if sentenceWords == 0 || pending != .none {
            resolvePending(b[start])
        }
        if sentenceStart < 0 && recordSpans { sentenceStart = start }
        if upper >= 2 && lower == 0 && letters >= 2 && !dotted { allCapsWords += 1 }
        record(b, start, i, dotted: dotted, plain: upper == 0 && !sawNonASCII)
        return i
    }

    private func nextIsLetter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i < b.count else { return false }
        if b[i] < 0x80 { return ProseScanner.isASCIIAlnum(b[i]) && !ProseScanner.isDigit(b[i]) }
        return ProseScanner.isLetterScalar(ProseScanner.scalar(b, i).0)
    }

    private func isWWW(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        (b[s] | 0x20) == 0x77 && (b[s + 1] | 0x20) == 0x77 && (b[s + 2] | 0x20) == 0x77
    }

    private mutating func skipURL(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < b.count && b[i] != 0x20 && b[i] != 0x0A && b[i] != 0x09 && b[i] != 0x29 && b[i] != 0x3E { i += 1 }
        // Trailing sentence punctuation belongs to the sentence, not the URL.
        while i > start, b[i - 1] == 0x2E || b[i - 1] == 0x2C || b[i - 1] == 0x3B || b[i - 1] == 0x3A || b[i - 1] == 0x21 || b[i - 1] == 0x3F { i -= 1 }
        urls += 1
        if pending != .none { resolvePending(0x41) }
        touch(start, i - start)
        lastTokenWasComma = false
        return i
    }

    /// Decides whether the pending terminator ends the sentence, given the first byte of the next word.
    @inline(__always) private mutating func resolvePending(_ first: UInt8) {
        guard pending != .none else { return }
        if pending == .numeral, ProseScanner.isDigit(first) { pending = .none; nextSentenceStart = -1; return }
        // A full stop with a letter right after it, no space between ("Ph.D.", "node.js"), is inside a name.
        if !spaceSincePending, pending == .period || pending == .softPeriod || pending == .numeral {
            pending = .none; nextSentenceStart = -1; return
        }
        if first >= 0x61 && first <= 0x7A {
            switch pending {
            case .softPeriod, .ellipsis: pending = .none; nextSentenceStart = -1; return
            case .question where quoteAfterPending, .exclamation where quoteAfterPending:
                pending = .none; nextSentenceStart = -1; return
            default: break
            }
        }
        endSentence()
    }

    /// `plain`: the word is lowercase ASCII (`word` already saw every byte, so it is not scanned again here).
    private mutating func record(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, dotted: Bool, plain: Bool) {
        // Most tokens are already lowercase ASCII: intern them straight from the text, without copying.
        if plain {
            let w = UnsafeBufferPointer(rebasing: b[start..<end])
            let id = table.intern(w)
            let conjunction = (w.count == 3 && w[0] == 0x61 && w[1] == 0x6E && w[2] == 0x64) || (w.count == 2 && w[0] == 0x6F && w[1] == 0x72)
            count(id, conjunction: conjunction, start: start, end: end, dotted: dotted)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        var i = start
        var ascii = true
        while i < end {
            let c = b[i]
            if c < 0x80 {
                scratch.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)
                i += 1
            } else if c == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                scratch.append(0x27) // ’ -> '
                i += 3
            } else {
                ascii = false
                scratch.append(c)
                i += 1
            }
        }
        if !ascii {
            let lowered = String(decoding: scratch, as: UTF8.self).lowercased()
            scratch = Array(lowered.utf8)
        }
        let id = scratch.withUnsafeBufferPointer { table.intern($0) }
        let sc = scratch.count
        let conjunction = (sc == 3 && scratch[0] == 0x61 && scratch[1] == 0x6E && scratch[2] == 0x64) || (sc == 2 && scratch[0] == 0x6F && scratch[1] == 0x72)
        count(id, conjunction: conjunction, start: start, end: end, dotted: dotted)
    }

    /// Counts one interned word: its type, its place as an opener, the Oxford comma around "and"/"or".
    @inline(__always) private mutating func count(_ id: Int32, conjunction: Bool, start: Int, end: Int, dotted: Bool) {
        let k = Int(id)
        if k == typeCounts.count { typeCounts.append(0); openerCounts.append(0) }
        typeCounts[k] &+= 1
        if sentenceWords == 0 { openerCounts[k] &+= 1 }
        // Oxford comma: "A, B, and C" versus "A, B and C".
        if conjunction {
            if lastTokenWasComma, previousCommaAt >= 0, lastCommaAt - previousCommaAt >= 1, lastCommaAt - previousCommaAt <= 4 {
                oxfordWith += 1
            } else if !lastTokenWasComma, lastCommaAt >= 0, sentenceWords - lastCommaAt >= 1, sentenceWords - lastCommaAt <= 2,
                      previousCommaAt < 0 || lastCommaAt - previousCommaAt <= 4 {
                oxfordWithout += 1
            }
        }
        ids.append(id)
        sentenceWords += 1
        lastTokenWasComma = false
        lastWordEnd = end
        lastWordStart = start
        lastWordDotted = dotted
        if recordSpans { sentenceEnd = end }
    }

    /// What a period right after the last word means: 2 = never a sentence end (titles "Dr.", initials "J.",
    /// "e.g.", "i.e.", "cf."), 1 = an abbreviation that ends a sentence only before a non-lowercase word
    /// ("etc.", "U.S."), 3 = ends one unless a number follows ("No. 10" but "No. I won't."), 0 = a full stop.
    private func abbreviationKind(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = lastWordEnd - lastWordStart
        if lastWordDotted {
            guard n == 3 else { return 1 }
            let a = b[lastWordStart] | 0x20, c = b[lastWordStart + 2] | 0x20
            return (a == 0x65 && c == 0x67) || (a == 0x69 && c == 0x65) ? 2 : 1
        }
        guard n <= 7 else { return 0 }
        if n == 1 { return b[lastWordStart] >= 0x41 && b[lastWordStart] <= 0x5A && b[lastWordStart] != 0x49 ? 2 : 0 }
        var w: [UInt8] = []
        for k in lastWordStart..<lastWordEnd { let c = b[k]; w.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
        if w == Array("cf".utf8) || Abbreviations.titles.contains(w) { return 2 }
        if Abbreviations.beforeNumbers.contains(w) { return 3 }
        return Abbreviations.others.contains(w) ? 1 : 0
    }


    mutating func endSentence() {
        defer {
            pending = .none
            sentenceWords = 0
            sentenceStart = nextSentenceStart
            nextSentenceStart = -1
            lastCommaAt = -100
            previousCommaAt = -100
            lastTokenWasComma = false
        }
        guard sentenceWords > 0 else { return }
        sentenceLengths.append(Int32(sentenceWords))
        if pending == .question { questions += 1 } else if pending == .exclamation { exclamations += 1 }
        paraWords += sentenceWords
        paraSentences += 1
        if recordSpans, sentenceStart >= 0 { spans.append(sentenceStart..<max(sentenceEnd, sentenceStart)) }
    }

    mutating func endParagraph() {
        if paraSentences > 0 {
            paragraphWords.append(Int32(paraWords))
            paragraphSentences.append(Int32(paraSentences))
        }
        paraWords = 0
        paraSentences = 0
    }

    /// Ends the open sentence and paragraph at the end of a text.
    mutating func finish() {
        endSentence()
        endParagraph()
    }
}
