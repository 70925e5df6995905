import Foundation
import VoiceCloneKit

/// Everything the CLI prints goes through here: results on stdout, errors and progress on stderr.
enum Output {
    /// "1 error", "2 errors": a count with its noun in the right number, so no summary says "1 errors".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// A probability as a whole percentage; "<1%" and ">99%" where rounding would print a certainty (0% or 100%)
    /// the probability does not claim, so a band such as 0.02%–0.6% does not read as the point "0%–0%".
    static func percent(_ p: Double) -> String {
        if p > 0 && p < 0.005 { return "<1%" }
        if p < 1 && p >= 0.995 { return ">99%" }
        return "\(Int((p * 100).rounded()))%"
    }

    /// One JSON document: snake_case keys whatever the Swift property names are, sorted, and every key present
    /// (an absent value is `null`, see `ReportJSON`).
    static func json<T: Encodable>(_ value: T) throws {
        let data = try ReportJSON.data(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// JSON in the DNA's canonical form: snake_case keys, sorted, fixed precision (what `stats` and `dna` print).
    static func canonicalJSON<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try CanonicalJSON.encode(value))
    }

    /// The successes of a batch, in order; each failure is printed on stderr, naming its input once.
    /// Returns whether anything failed, so the command can exit 1 after printing what did work.
    static func successes<T>(_ results: [Result<T, InputFailure>]) -> (values: [T], failed: Bool) {
        var values: [T] = []
        var failed = false
        for r in results {
            switch r {
            case .success(let v): values.append(v)
            case .failure(let f): error(f.message); failed = true
            }
        }
        return (values, failed)
    }

    /// One object for one input, an array for several: the README's rule for every `--json` output.
    static func jsonBatch<T: Encodable>(_ values: [T], inputs: Int, canonical: Bool = false) throws {
        if inputs == 1, let only = values.first {
            try canonical ? canonicalJSON(only) : json(only)
        } else {
            try canonical ? canonicalJSON(values) : json(values)
        }
    }

    static func line(_ text: String = "") {
        print(visible(text))
    }

    static func error(_ text: String) {
        let text = visible(text)
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// `text` with terminal control characters shown as `\x1b`-style escapes: a file or clone name holding ANSI
    /// escapes must not recolour, move the cursor in or retitle the user's terminal. Newlines and tabs stay.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\x".unicodeScalars)
                out.append(contentsOf: String(format: "%02x", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// A left-aligned table with a header row; the last column is never padded.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { col in all.map { $0[col].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
            print(visible(cells.joined(separator: "  ")))
        }
    }
}

/// Draws progress on stderr when it is a terminal, and nothing when output is piped or JSON.
final class TerminalProgress: ProgressSink, @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()

    init(enabled: Bool) {
        self.enabled = enabled && Output.stderrIsTerminal
    }

    func update(done: Int, total: Int, label: String) {
        guard enabled, total > 1 else { return }
        lock.lock(); defer { lock.unlock() }
        let short = label.count > 50 ? "…" + label.suffix(49) : label
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(done + 1)/\(total)] \(short)".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
