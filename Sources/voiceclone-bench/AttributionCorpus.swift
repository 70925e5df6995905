import Foundation

/// Loading and chunking of the evaluation corpora, done identically to `scripts/faststylometry_eval.py`
/// so both tools see exactly the same training texts and test chunks.
struct AttributionCorpus {
    struct Book {
        var author: String
        var title: String
        var text: String
    }

    /// A Federalist paper with its label from `labels.csv`: `hamilton`, `madison`, `jay`,
    /// `hamilton_madison` (joint) or `disputed`.
    struct Paper {
        var number: String
        var label: String
        var text: String
    }

    /// The single-author authors, the only candidates the Federalist evaluations train on.
    static let federalistAuthors: Set<String> = ["hamilton", "madison", "jay"]

    /// Every paper of `corpora/federalist`, in the order of `labels.csv`.
    static func federalist(_ corpora: URL) throws -> [Paper] {
        let folder = corpora.appendingPathComponent("federalist")
        return try readCSV(folder.appendingPathComponent("labels.csv")).compactMap { row in
            guard let file = row["file"], let label = row["label"], let number = row["number"] else { return nil }
            return Paper(number: number, label: label, text: try read(folder.appendingPathComponent(file)))
        }
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

    /// Up to `count` evenly spaced, non-overlapping chunks of `size` whitespace-separated words
    /// (split on space, tab, LF and CR bytes, as Python's `split()` does on these corpora), each
    /// joined with single spaces. Works on UTF-8 bytes: splitting by `Character` took longer than
    /// the attribution being evaluated.
    static func chunks(of text: String, size: Int, count: Int) -> [String] {
        let bytes = Array(text.utf8)
        var words: [Range<Int>] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 9 || byte == 13 }
        while index < bytes.count {
            while index < bytes.count && isSpace(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count && !isSpace(bytes[index]) { index += 1 }
            if index > start { words.append(start..<index) }
        }
        let available = words.count / size
        let picks = available <= count ? Array(0..<available) : (0..<count).map { $0 * available / count }
        return picks.map { pick in
            var chunk: [UInt8] = []
            for (offset, word) in words[(pick * size)..<((pick + 1) * size)].enumerated() {
                if offset > 0 { chunk.append(32) }
                chunk.append(contentsOf: bytes[word])
            }
            return String(decoding: chunk, as: UTF8.self)
        }
    }
}

/// An evaluation failure with a message that says what to do.
struct BenchError: LocalizedError {
    let message: String
    init(_ message: String) { self.message = message }
    var errorDescription: String? { message }
}
