import Foundation
import VoiceCloneAnalysis

/// The paragraphs of a Markdown sample that the offline engine learns from.
///
/// Markup is removed by the analysis' own stripper (`Tokenizer.prose(fromMarkdown:)`), so the engine learns
/// from exactly the prose the Voice DNA measures. On top of that, what would teach the model to emit
/// platform furniture rather than sentences goes too: bare URLs, hashtags and @-mentions (generation adds
/// those per platform). List items become paragraphs of their own: they are sentence-like lines.
enum ProseParagraphs {
    static func of(_ markdown: String) -> [String] {
        // The stripper ends paragraphs with a blank line and list items (and other hard breaks) with a newline.
        Tokenizer.prose(fromMarkdown: markdown)
            .split(separator: "\n")
            .map { cleanInline(String($0)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Each rule with a cheap substring test that must pass before the (slow) regular expression runs.
    private static let inlineRules: [(NSRegularExpression, String, [String])] = [
        (#"https?://\S+|www\.\S+"#, "", ["http", "www."]),
        (#"(^|\s)[#@][\p{L}\p{N}_]+"#, "$1", ["#", "@"]),
        (#"\s+([.,;:!?])"#, "$1", [" .", " ,", " ;", " :", " !", " ?"]),
        (#"\s{2,}"#, " ", ["  "]),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1, $0.2) }

    private static func cleanInline(_ text: String) -> String {
        var s = text
        for (regex, template, triggers) in inlineRules where triggers.contains(where: { s.contains($0) }) {
            s = regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
        }
        return s
    }
}
