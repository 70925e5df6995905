/// Turns text into the word hashes the copy guard compares: case, curly apostrophes and punctuation are ignored
/// (so "Don't," and "don’t" match) and hyphens split words, which makes the guard stricter, never looser.
///
/// Works on Unicode scalars with an ASCII fast path: the guard hashes every sample word, and per-`Character`
/// properties and `lowercased()` were most of the engine's training time.
enum WordHasher {
    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    /// Letters, digits and combining marks make up words.
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }

    @inline(__always)
    private static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "’" }

    @inline(__always)
    private static func lowerValue(_ s: Unicode.Scalar) -> UInt32 {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 32 : v }
        if s == "’" { return 39 }
        guard s.properties.isUppercase, let lower = s.properties.lowercaseMapping.unicodeScalars.first else { return v }
        return lower.value
    }

    /// FNV-1a over the lower-cased scalars; never 0, which is reserved as the separator between samples.
    static func hash<S: StringProtocol>(_ word: S) -> UInt64 {
        var h = offset
        for scalar in word.unicodeScalars { h = (h ^ UInt64(lowerValue(scalar))) &* prime }
        return h == 0 ? 1 : h
    }

    /// Calls `body` with the scalar range of each word: letters and digits, apostrophes kept inside a word.
    @inline(__always)
    private static func forEachWord(_ text: String, _ body: (Range<String.UnicodeScalarView.Index>) -> Void) {
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let s = scalars[index]
            let next = scalars.index(after: index)
            var inWord = isWordScalar(s)
            if !inWord, isApostrophe(s), start != nil, next < scalars.endIndex, isWordScalar(scalars[next]) {
                inWord = true
            }
            if inWord {
                if start == nil { start = index }
            } else if let begin = start {
                body(begin..<index)
                start = nil
            }
            index = next
        }
        if let begin = start { body(begin..<scalars.endIndex) }
    }

    /// The words of `text`, hashed, in order.
    static func hashes(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        let scalars = text.unicodeScalars
        forEachWord(text) { range in
            var h = offset
            for scalar in scalars[range] { h = (h ^ UInt64(lowerValue(scalar))) &* prime }
            out.append(h == 0 ? 1 : h)
        }
        return out
    }

    /// Words: letters and digits, with apostrophes kept inside a word.
    static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        forEachWord(text) { range in out.append(Substring(text.unicodeScalars[range])) }
        return out
    }

    /// Order-sensitive combination of consecutive word hashes.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))) &* 0xFF51_AFD7_ED55_8CCD
    }
}
