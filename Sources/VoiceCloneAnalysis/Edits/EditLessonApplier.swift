import Foundation

/// Applies the simple lessons of a writer's edits to new text: their word and phrase replacements, the words they
/// cut, and the words they cut at the start of sentences. Used by the offline drafting and rewrite paths, which
/// cannot follow instructions the way a language model can. Deterministic; other lessons are left to those paths'
/// own habits (sentence splitting follows the DNA's sentence lengths).
public enum EditLessonApplier {
    /// `text` with the lessons applied, and how many changes were made.
    public static func apply(_ lessons: EditLessons?, to text: String) -> (text: String, changes: Int) {
        guard let lessons else { return (text, 0) }
        var text = text
        var changes = 0
        for lesson in lessons.lessons {
            guard let before = lesson.before, !before.isEmpty, before.contains(where: \.isLetter) else { continue }
            switch lesson.kind {
            case .replace, .contract, .expand:
                guard let after = lesson.after, !after.isEmpty else { continue }
                changes += replace(before, with: after, in: &text)
            case .cut:
                changes += replace(before, with: "", in: &text)
            case .cutSentenceStart:
                changes += cutAtSentenceStart(before, in: &text)
            default:
                continue
            }
        }
        return (text, changes)
    }

    /// A phrase as a case-insensitive pattern matching whole words, any whitespace between its words.
    static func pattern(_ phrase: String) -> String {
        let words = phrase.split(separator: " ").map { word in
            NSRegularExpression.escapedPattern(for: String(word)).replacingOccurrences(of: "'", with: "['’]")
        }
        return "(?<![\\p{L}\\p{N}'’-])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}'’-])"
    }

    static func replace(_ phrase: String, with replacement: String, in text: inout String) -> Int {
        guard let regex = try? NSRegularExpression(pattern: pattern(phrase), options: [.caseInsensitive]) else { return 0 }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            guard let range = Range(match.range, in: text) else { continue }
            let found = text[range]
            var with = replacement
            if found.first?.isUppercase == true { with = capitalizedFirst(with) }
            if with.isEmpty {
                // Take one neighbouring space with the word, so no double space is left.
                var cut = range
                if cut.upperBound < text.endIndex, text[cut.upperBound] == " " {
                    cut = cut.lowerBound..<text.index(after: cut.upperBound)
                } else if cut.lowerBound > text.startIndex, text[text.index(before: cut.lowerBound)] == " " {
                    cut = text.index(before: cut.lowerBound)..<cut.upperBound
                }
                let opensSentence = isSentenceStart(text, at: range.lowerBound)
                let offset = text.distance(from: text.startIndex, to: cut.lowerBound)
                text.replaceSubrange(cut, with: "")
                if opensSentence { capitalizeWord(in: &text, at: text.index(text.startIndex, offsetBy: offset)) }
            } else {
                text.replaceSubrange(range, with: with)
            }
        }
        return matches.count
    }

    static func cutAtSentenceStart(_ phrase: String, in text: inout String) -> Int {
        let full = "(^|[.!?…][\"”’)]?[ \\t]+|\\n[ \\t]*)([\"“(]?)" + pattern(phrase) + "[,;:]?[ \\t]+"
        guard let regex = try? NSRegularExpression(pattern: full, options: [.caseInsensitive]) else { return 0 }
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        for match in matches.reversed() {
            guard let range = Range(match.range, in: text), let lead = Range(match.range(at: 1), in: text),
                  let quote = Range(match.range(at: 2), in: text) else { continue }
            let kept = String(text[lead]) + String(text[quote])
            let offset = text.distance(from: text.startIndex, to: range.lowerBound) + kept.count
            text.replaceSubrange(range, with: kept)
            capitalizeWord(in: &text, at: text.index(text.startIndex, offsetBy: offset))
        }
        return matches.count
    }

    private static func isSentenceStart(_ text: String, at index: String.Index) -> Bool {
        var i = index
        while i > text.startIndex {
            i = text.index(before: i)
            let c = text[i]
            if c == " " || c == "\"" || c == "“" || c == "(" { continue }
            return c == "\n" || ".!?…".contains(c)
        }
        return true
    }

    private static func capitalizeWord(in text: inout String, at index: String.Index) {
        guard index < text.endIndex, text[index].isLowercase else { return }
        text.replaceSubrange(index...index, with: text[index].uppercased())
    }

    private static func capitalizedFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}
