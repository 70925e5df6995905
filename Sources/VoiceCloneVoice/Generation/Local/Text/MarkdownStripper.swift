import Foundation

/// Reduces a Markdown sample to its prose paragraphs, because headings, code, link targets and URLs are not the
/// writer's sentences and would teach the model to emit syntax.
enum MarkdownStripper {
    /// Paragraphs of plain prose; list items become paragraphs of their own (they are sentence-like lines).
    static func paragraphs(of text: String) -> [String] {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n")
        if body.hasPrefix("---\n"), let end = body.range(of: "\n---", range: body.index(body.startIndex, offsetBy: 4)..<body.endIndex) {
            let after = body[end.upperBound...]
            body = String(after.drop(while: { $0 != "\n" }))
        }
        var paragraphs: [String] = []
        var current: [String] = []
        var inFence = false
        func flush() {
            let joined = current.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !joined.isEmpty { paragraphs.append(joined) }
            current.removeAll()
        }
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); flush(); continue }
            if inFence { continue }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("|") || line == "---" || line == "***" {
                flush(); continue
            }
            while line.hasPrefix(">") { line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
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

    private static let inlineRules: [(NSRegularExpression, String)] = [
        (#"!\[[^\]]*\]\([^)]*\)"#, ""),
        (#"\[([^\]]*)\]\([^)]*\)"#, "$1"),
        (#"<[^>\n]+>"#, ""),
        (#"https?://\S+|www\.\S+"#, ""),
        (#"`[^`]*`"#, ""),
        (#"(^|\s)[#@][\p{L}\p{N}_]+"#, "$1"),
        (#"\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])"#, ""),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    private static let spaceBeforePunctuation = try! NSRegularExpression(pattern: #"\s+([.,;:!?])"#)

    private static func cleanInline(_ text: String) -> String {
        var s = text
        for (regex, template) in inlineRules {
            s = regex.stringByReplacingMatches(
                in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
        }
        s = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return spaceBeforePunctuation.stringByReplacingMatches(
            in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "$1")
    }
}
