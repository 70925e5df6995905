#if canImport(Glibc)
import Glibc
#endif

/// Git conflict markers in a sample would be read as the writer's words; analysis must refuse them.
public enum ConflictMarkers {
    /// True when a line starts with `<<<<<<< ` or `>>>>>>> `. Only line starts are looked at, found with `memchr`
    /// (vectorised) rather than a test on every byte: this runs over every sample on every scan.
    public static func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                if (b == 0x3C || b == 0x3E), i + 8 <= n {
                    var run = 1
                    while run < 7, bytes[i + run] == b { run += 1 }
                    if run == 7, bytes[i + 7] == 0x20 { return true }
                }
                guard let newline = memchr(base + i, 0x0A, n - i) else { return false }
                i = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return false
        }
    }
}
