import Foundation

/// Loading and chunking of the evaluation corpora, done identically to `scripts/faststylometry_eval.py`
/// so both tools see exactly the same training texts and test chunks.
struct AttributionCorpus {
    struct Book {
        var author: String
        var title: String
        var text: String
    }

    /// Reads a CSV with a header row (LF or CRLF line ends).
    static func readCSV(_ url: URL) throws -> [[String: String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = fields(lines.removeFirst())
        return lines.map { line in
            Dictionary(zip(header, fields(line)), uniquingKeysWith: { first, _ in first })
        }
    }

    private static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == "," && !quoted {
                result.append(current); current = ""
            } else { current.append(character) }
        }
        result.append(current)
        return result
    }

    static func read(_ url: URL) throws -> String {
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw BenchError("Cannot read \(url.path): \(error.localizedDescription). Check that the corpora are at ../shared/corpora.")
        }
    }

    /// Up to `count` evenly spaced, non-overlapping chunks of `size` whitespace-separated words.
    static func chunks(of text: String, size: Int, count: Int) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let available = words.count / size
        let picks = available <= count ? Array(0..<available) : (0..<count).map { $0 * available / count }
        return picks.map { words[($0 * size)..<(($0 + 1) * size)].joined(separator: " ") }
    }
}

/// An evaluation failure with a message that says what to do.
struct BenchError: LocalizedError {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
