/// Small text helpers shared by the importers: whitespace, Markdown assembly.
enum MarkdownText {
    /// Collapses every run of whitespace to one space (no trimming).
    static func collapseWhitespace(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(character)
            }
        }
        if pendingSpace { output.append(" ") }
        return output
    }

    /// Joins non-empty blocks with a blank line and ends with one newline: the shape of every sample.
    static func join(_ blocks: [String]) -> String {
        let kept = blocks.map { $0.trimmed() }.filter { !$0.isEmpty }
        return kept.isEmpty ? "" : kept.joined(separator: "\n\n") + "\n"
    }
}

extension String {
    func trimmed() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
