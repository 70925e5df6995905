/// Counts words the way a writer would: whitespace-separated runs that contain at least one letter
/// or digit, so Markdown markers ("-", "#", "**") are not words. Works on UTF-8 bytes for speed;
/// any non-ASCII byte counts as a letter, which keeps accented and non-Latin words whole.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { count(utf8: $0) }
    }

    public static func count(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var inToken = false
        var tokenHasWordChar = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            if isSpace {
                if inToken && tokenHasWordChar { words += 1 }
                inToken = false
                tokenHasWordChar = false
            } else {
                inToken = true
                if !tokenHasWordChar {
                    if b < 0x80 {
                        tokenHasWordChar = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    } else if b == 0xE2, i + 1 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                        // U+2000–U+207F: dashes, curly quotes, ellipsis — punctuation, not words.
                        i += 2
                    } else if b >= 0xC0 {
                        tokenHasWordChar = true
                    }
                }
            }
            i += 1
        }
        if inToken && tokenHasWordChar { words += 1 }
        return words
    }
}
