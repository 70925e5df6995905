/// Git conflict markers in a sample would be read as the writer's words; analysis must refuse them.
public enum ConflictMarkers {
    /// True when a line starts with `<<<<<<< ` or `>>>>>>> `. One pass over the bytes, looking only
    /// at line starts: this runs over every sample on every scan, where String.contains is slow.
    public static func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var lineStart = true
            var i = 0
            while i < n {
                let b = bytes[i]
                if lineStart, (b == 0x3C || b == 0x3E), i + 8 <= n {
                    var run = 1
                    while run < 7, bytes[i + run] == b { run += 1 }
                    if run == 7, bytes[i + 7] == 0x20 { return true }
                }
                lineStart = b == 0x0A
                i += 1
            }
            return false
        }
    }
}
