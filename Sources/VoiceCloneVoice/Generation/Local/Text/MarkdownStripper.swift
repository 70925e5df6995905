import Foundation

/// Reduces a Markdown sample to its prose paragraphs, because headings, code, link targets and URLs are not the
/// writer's sentences and would teach the model to emit syntax.
enum MarkdownStripper {
    /// Paragraphs of plain prose; list items become paragraphs of their own (they are sentence-like lines).
    static func paragraphs(of text: String) -> [String] {
        var body = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        if body.hasPrefix("---\n"), let end = body.range(of: "\n---", range: body.index(body.startIndex, offsetBy: 4)..<body.endIndex) {
            let after = body[end.upperBound...]
            body = String(after.drop(while: { $0 != "\n" }))
        }
        var paragraphs: [String] = []
        var current: [String] = []
        var inFence = false
        func flush() {
            let joined = trimmed(current.joined(separator: " "))
            if !joined.isEmpty { paragraphs.append(joined) }
            current.removeAll()
        }
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = trimmed(rawLine)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); flush(); continue }
            if inFence { continue }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("|") || line == "---" || line == "***" {
                flush(); continue
            }
            while line.hasPrefix(">") { line = trimmed(line.dropFirst()) }
            if let item = listItemText(line) {
                flush()
                current.append(item)
                flush()
                continue
            }
            current.append(line)
        }
        flush()
        return paragraphs.map(cleanInline).filter { !$0.isEmpty }
    }

    /// Trims spaces and tabs without Foundation, which is slow per line on Linux.
    private static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }) ?? first
        return String(Substring(scalars[first...last]))
    }

    private static func trimmed(_ text: String) -> String { trimmed(Substring(text)) }

    private static func listItemText(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ ", "• "] where line.hasPrefix(marker) {
            return String(line.dropFirst(marker.count))
        }
        var digits = 0
        for ch in line {
            if ch.isNumber { digits += 1 } else { break }
        }
        if digits > 0, digits < 4 {
            let rest = line.dropFirst(digits)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    /// Each rule with a cheap substring test that must pass before the (slow) regular expression runs.
    private static let inlineRules: [(NSRegularExpression, String, [String])] = [
        (#"!\[[^\]]*\]\([^)]*\)"#, "", ["!["]),
        (#"\[([^\]]*)\]\([^)]*\)"#, "$1", ["]("]),
        (#"<[^>\n]+>"#, "", ["<"]),
        (#"https?://\S+|www\.\S+"#, "", ["http", "www."]),
        (#"`[^`]*`"#, "", ["`"]),
        (#"(^|\s)[#@][\p{L}\p{N}_]+"#, "$1", ["#", "@"]),
        (#"\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])"#, "", ["*", "_"]),
        (#"\s+([.,;:!?])"#, "$1", [" .", " ,", " ;", " :", " !", " ?"]),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1, $0.2) }

    private static func cleanInline(_ text: String) -> String {
        var s = text
        var present = Set<UInt8>()
        for byte in s.utf8 where byte < 0x80 && !(byte >= 0x61 && byte <= 0x7A) { present.insert(byte) }
        for (regex, template, triggers) in inlineRules
        where triggers.contains(where: { $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A || present.contains($0) } }) {
            s = regex.stringByReplacingMatches(
                in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
        }
        return s
    }
}
