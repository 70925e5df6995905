/// Renders generated token sentences as clean prose: capitals after sentence ends, no space before punctuation,
/// balanced quotes and parentheses, no dangling connectives, and the writer's own typography.
package struct DraftAssembler {
    package let style: RenderStyle

    package init(style: RenderStyle) {
        self.style = style
    }

    /// Words that cannot end a sentence; trailing ones are dropped rather than left dangling ("… and the.").
    package static let danglers: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "that",
        "which", "who", "if", "because", "so", "than", "then", "my", "your", "our", "their", "his", "her", "its", "is",
        "are", "was", "were", "be", "into", "about", "like", "very", "just", "when", "while", "where", "nor", "yet",
        "this", "these", "those", "i", "we", "you", "they", "not", "it's", "i'm", "we're", "you're", "they're", "&",
    ]

    /// Cleans one sentence's tokens: trims dangling words and marks, closes what was opened, ensures a terminal mark.
    /// Returns `nil` when too little is left to be a sentence.
    package static func tidy(_ input: [String]) -> [String]? {
        var tokens = input
        var terminal: String?
        var trailingClosers: [String] = []
        while let last = tokens.last, DraftTokenizer.isCloser(last) || DraftTokenizer.isTerminal(last) {
            if DraftTokenizer.isTerminal(last), terminal == nil { terminal = last }
            if DraftTokenizer.isCloser(last) { trailingClosers.insert(last, at: 0) }
            tokens.removeLast()
        }
        while let last = tokens.last,
              !DraftTokenizer.isWord(last) && !DraftTokenizer.isCloser(last)
                || danglers.contains(last.lowercased()) {
            tokens.removeLast()
        }
        tokens.append(contentsOf: trailingClosers)
        // Balance: drop closers without openers, close openers at the end.
        var balanced: [String] = []
        var open: [String] = []
        for token in tokens {
            if DraftTokenizer.isOpener(token) {
                open.append(token)
                balanced.append(token)
            } else if DraftTokenizer.isCloser(token) {
                let wanted = token == ")" ? "(" : (token == DraftTokenizer.closeDouble
                    ? DraftTokenizer.openDouble : DraftTokenizer.openSingle)
                if let index = open.lastIndex(of: wanted) {
                    // Close anything opened inside first, innermost first.
                    while open.count > index + 1 { balanced.append(closer(for: open.removeLast())) }
                    open.removeLast()
                    if let prev = balanced.last, DraftTokenizer.isOpener(prev) {
                        balanced.removeLast()
                    } else {
                        balanced.append(token)
                    }
                }
            } else {
                balanced.append(token)
            }
        }
        while let last = balanced.last, DraftTokenizer.isOpener(last) {
            balanced.removeLast()
            open.removeLast()
        }
        guard balanced.filter(DraftTokenizer.isWord).count >= 2 else { return nil }
        // Parentheses close before the terminal mark, quotes after it (the common convention in prose).
        var quotes: [String] = []
        while let opener = open.popLast() {
            if opener == "(" {
                balanced.append(")")
            } else {
                quotes.append(closer(for: opener))
            }
        }
        balanced.append(terminal ?? ".")
        balanced.append(contentsOf: quotes)
        return balanced
    }

    private static func closer(for opener: String) -> String {
        opener == "(" ? ")" : (opener == DraftTokenizer.openDouble ? DraftTokenizer.closeDouble : DraftTokenizer.closeSingle)
    }

    /// One paragraph of tidied sentences as text.
    package func render(_ sentences: [[String]]) -> String {
        sentences.map(renderSentence).joined(separator: " ")
    }

    package func renderSentence(_ tokens: [String]) -> String {
        var out = ""
        var capitalizeNext = true
        var previous: String?
        for token in tokens {
            var text = surface(token)
            if capitalizeNext, DraftTokenizer.isWord(token) {
                text = text.prefix(1).uppercased() + text.dropFirst()
                capitalizeNext = false
            }
            if let previous, needsSpace(between: previous, and: token) { out += " " }
            out += text
            previous = token
        }
        return out
    }

    private func surface(_ token: String) -> String {
        switch token {
        case DraftTokenizer.openDouble: return style.curlyQuotes ? "“" : "\""
        case DraftTokenizer.closeDouble: return style.curlyQuotes ? "”" : "\""
        case DraftTokenizer.openSingle: return style.curlyQuotes ? "‘" : "'"
        case DraftTokenizer.closeSingle: return style.curlyQuotes ? "’" : "'"
        case "…": return style.ellipsisCharacter ? "…" : "..."
        default:
            var text = token
            if token == "i" || token.hasPrefix("i'") { text = "I" + token.dropFirst() }
            return style.curlyApostrophes ? text.replacingOccurrences(of: "'", with: "’") : text
        }
    }

    private func needsSpace(between previous: String, and token: String) -> Bool {
        if DraftTokenizer.isOpener(previous) { return false }
        if token == "—" || previous == "—" { return style.spacedEmDash }
        if token == "–" || previous == "–" { return false }
        if DraftTokenizer.isCloser(token) || DraftTokenizer.isTerminal(token) { return false }
        if [",", ";", ":", "%"].contains(token) { return false }
        return true
    }
}
