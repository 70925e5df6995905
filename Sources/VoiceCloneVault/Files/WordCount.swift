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
        for b in bytes {
            let isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            if isSpace {
                if inToken && tokenHasWordChar { words += 1 }
                inToken = false
                tokenHasWordChar = false
            } else {
                inToken = true
                if !tokenHasWordChar {
                    tokenHasWordChar = b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                }
            }
        }
        if inToken && tokenHasWordChar { words += 1 }
        return words
    }
}
