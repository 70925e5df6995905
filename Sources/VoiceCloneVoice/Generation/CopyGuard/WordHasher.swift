/// Turns text into the word hashes the copy guard compares: case, curly apostrophes and punctuation are ignored
/// (so "Don't," and "don’t" match) and hyphens split words, which makes the guard stricter, never looser.
enum WordHasher {
    /// FNV-1a over the lower-cased scalars; never 0, which is reserved as the separator between samples.
    static func hash<S: StringProtocol>(_ word: S) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in word.lowercased().unicodeScalars {
            let v = scalar == "’" ? UInt32(39) : scalar.value
            h = (h ^ UInt64(v)) &* 0x100_0000_01b3
        }
        return h == 0 ? 1 : h
    }

    /// The words of `text`, hashed, in order.
    static func hashes(_ text: String) -> [UInt64] {
        words(text).map { hash($0) }
    }

    /// Words: letters and digits, with apostrophes kept inside a word.
    static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            let inWord = c.isLetter || c.isNumber
                || ((c == "'" || c == "’") && start != nil && next < text.endIndex
                    && (text[next].isLetter || text[next].isNumber))
            if inWord {
                if start == nil { start = index }
            } else if let s = start {
                out.append(text[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start { out.append(text[s..<text.endIndex]) }
        return out
    }

    /// Order-sensitive combination of consecutive word hashes.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a ^ (b &+ 0x9E37_79B9_7F4A_7C15 &+ (a << 6) &+ (a >> 2))) &* 0xFF51_AFD7_ED55_8CCD
    }
}
