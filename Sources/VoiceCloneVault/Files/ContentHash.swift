import Crypto
import Foundation

/// Content hashes identify a sample's text independently of its file name or front matter, so the
/// same words imported twice (from a PDF and from a paste) are recognised as one sample.
public enum ContentHash {
    public static func hex(of text: String) -> String {
        hex(of: Data(text.utf8))
    }

    public static func hex(of data: Data) -> String {
        let digest = SHA256.hash(data: data)
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Hash of a sample body after normalising what editors change without the writer meaning to:
    /// line endings, trailing spaces and blank lines at either end.
    public static func ofSampleBody(_ body: String) -> String {
        var lines: [Substring] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = line
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            lines.append(l)
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return hex(of: lines.joined(separator: "\n"))
    }
}
