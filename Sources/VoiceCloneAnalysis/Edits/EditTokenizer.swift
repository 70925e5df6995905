import Foundation

/// One token of a text being compared with its edited version: a word, a punctuation mark, or a paragraph break.
///
/// Comparison uses `key` (lowercased, curly apostrophes straight), so a capital that moves when a sentence is
/// split is not an edit; `text` and `spaceBefore` keep what the writer typed, for showing the difference.
public struct EditToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case word, punctuation, paragraph }

    public var text: String
    public var key: String
    public var kind: Kind
    /// Whether whitespace came before the token in the source.
    public var spaceBefore: Bool
    /// A mark that ends a sentence (`.`, `!`, `?`, `…` followed by a space or the end), or a paragraph break.
    public var endsSentence: Bool

    public var isWord: Bool { kind == .word }
}

/// Splits text into ``EditToken``s. Words keep inner apostrophes, hyphens and decimal points
/// ("don't", "well-known", "3.5"); every other visible character is a mark of its own; a blank line is a paragraph.
public enum EditTokenizer {
    public static func tokens(_ text: String) -> [EditToken] {
        var tokens: [EditToken] = []
        let chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        var i = 0
        var space = false
        var newlines = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                if c == "\n" { newlines += 1 }
                space = true
                i += 1
                continue
            }
            if newlines >= 2, !tokens.isEmpty, tokens.last?.kind != .paragraph {
                tokens.append(EditToken(text: "\n\n", key: "¶", kind: .paragraph, spaceBefore: true, endsSentence: true))
            }
            newlines = 0
            if isWordChar(c) {
                var j = i + 1
                while j < chars.count {
                    let d = chars[j]
                    if isWordChar(d) { j += 1; continue }
                    // Inner joiners: an apostrophe, hyphen or point between word characters.
                    if "'’-.".contains(d), j + 1 < chars.count, isWordChar(chars[j + 1]) {
                        if d == ".", !(chars[j - 1].isNumber && chars[j + 1].isNumber) { break }
                        j += 2
                        continue
                    }
                    break
                }
                let word = String(chars[i..<j])
                tokens.append(EditToken(text: word, key: normalized(word), kind: .word, spaceBefore: space,
                                        endsSentence: false))
                i = j
            } else {
                let followedBySpace = i + 1 >= chars.count || chars[i + 1].isWhitespace || "\"”’)".contains(chars[i + 1])
                let ends = ".!?…".contains(c) && followedBySpace
                let mark = String(c)
                tokens.append(EditToken(text: mark, key: normalized(mark), kind: .punctuation, spaceBefore: space,
                                        endsSentence: ends))
                i += 1
            }
            space = false
        }
        return tokens
    }

    /// Lowercased, with curly apostrophes straightened.
    public static func normalized(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// The tokens as text, with the writer's own spacing (one space where there was any).
    public static func render<S: Sequence>(_ tokens: S, paragraphBreak: String = " / ") -> String
    where S.Element == EditToken {
        var out = ""
        for token in tokens {
            if token.kind == .paragraph { out += paragraphBreak; continue }
            if !out.isEmpty && token.spaceBefore && !out.hasSuffix(" ") && !out.hasSuffix("\n") { out += " " }
            out += token.text
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
