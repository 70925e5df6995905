import Crypto
import Foundation

/// Content hashes identify a sample's text independently of its file name or front matter, so the
/// same words imported twice (from a PDF and from a paste) are recognised as one sample.
public enum ContentHash {
    public static func hex(of text: String) -> String {
        hex(of: Data(text.utf8))
    }

    public static func hex(of data: Data) -> String {
        hexString(SHA256.hash(data: data))
    }

    private static func hexString(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hash of a sample body after normalising what editors change without the writer meaning to:
    /// CRLF line endings, trailing spaces and blank lines at either end. Works on bytes: bodies can be
    /// large, and Swift treats "\r\n" as one Character, which would hide the line breaks.
    public static func ofSampleBody(_ body: String) -> String {
        var body = body
        return body.withUTF8 { bytes in
            if let direct = fastPath(bytes) { return direct }
            return normalizedHash(bytes)
        }
    }

    /// The normalised text fed to the hash line by line, never copied: lines lose trailing spaces, tabs and CRs,
    /// blank lines at either end go, and the blank lines between are kept as newlines.
    private static func normalizedHash(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hasher = SHA256()
        guard let base = bytes.baseAddress else { return hexString(hasher.finalize()) }
        let newlines = [UInt8](repeating: 0x0A, count: 64)
        var owed = 0, started = false, start = 0
        let n = bytes.count
        while true {
            var end = n
            if start < n, let hit = memchr(base + start, 0x0A, n - start) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            var trimmed = end
            while trimmed > start, bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 || bytes[trimmed - 1] == 0x0D { trimmed -= 1 }
            if trimmed > start {
                while owed > 0 {
                    let k = min(owed, newlines.count)
                    newlines.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<k])) }
                    owed -= k
                }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<trimmed])))
                started = true
                owed = 1
            } else if started {
                owed += 1
            }
            if end >= n { break }
            start = end + 1
        }
        return hexString(hasher.finalize())
    }

    /// Most bodies need no normalising beyond trimming the ends: hash them in place.
    private static func fastPath(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x0A { start += 1 }
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        // A blank-looking first line with spaces, CR anywhere, or spaces before a newline need the slow path.
        if start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { return nil }
        guard let base = bytes.baseAddress else { return nil }
        // memchr is vectorised: find any CR, then visit only the newlines, checking the byte before each.
        if memchr(base + start, 0x0D, end - start) != nil { return nil }
        var from = start
        while from < end, let hit = memchr(base + from, 0x0A, end - from) {
            let p = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if p > start, bytes[p - 1] == 0x20 || bytes[p - 1] == 0x09 { return nil }
            from = p + 1
        }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        return hexString(hasher.finalize())
    }
}
