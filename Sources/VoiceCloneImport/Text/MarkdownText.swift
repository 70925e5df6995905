/// Small text helpers shared by the importers: whitespace, word counts, Markdown assembly.
enum MarkdownText {
    /// Words as a reader counts them: runs of letters or digits (Markdown marks and punctuation ignored).
    /// Stops counting at `limit`, for "has at least N words" checks on long texts.
    static func wordCount(_ text: String, limit: Int = .max) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWordScalar: Bool
            if value < 0x80 {
                // ASCII fast path: Unicode property lookups dominate the cost on long documents.
                isWordScalar = (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
            } else {
                isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWordScalar, !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = isWordScalar || (inWord && (value == 0x27 || value == 0x2019))
        }
        return count
    }

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
