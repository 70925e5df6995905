/// The one word counter for what people see (sample and import word counts, lengths in prompts and checks).
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
            switch classes[Int(b)] {
            case .space:
                if inToken && tokenHasWordChar { words += 1 }
                inToken = false
                tokenHasWordChar = false
            case .word:
                inToken = true
                tokenHasWordChar = true
            case .mark:
                inToken = true
            case .e2:
                inToken = true
                // U+2000–U+207F: dashes, curly quotes, ellipsis — punctuation, not words.
                if i + 1 < n, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                    i += 2
                } else {
                    tokenHasWordChar = true
                }
            }
            i += 1
        }
        if inToken && tokenHasWordChar { words += 1 }
        return words
    }

    private enum ByteClass: UInt8 { case space, word, mark, e2 }

    /// One table lookup per byte instead of a chain of comparisons: the scanner counts every sample on every run.
    private static let classes: [ByteClass] = (0...255).map { (b: Int) -> ByteClass in
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return .space }
        if b < 0x80 { return (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) ? .word : .mark }
        if b == 0xE2 { return .e2 }
        // Lead bytes of other multi-byte characters are letters; continuation bytes change nothing.
        return b >= 0xC0 ? .word : .mark
    }
}
