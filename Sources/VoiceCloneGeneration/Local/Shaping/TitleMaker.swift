import Foundation

/// Titles, section headings, subject lines and hashtags. They come from the request's own words where possible
/// (the user's topic, phrased by the user) and otherwise from the piece's most salient words.
enum TitleMaker {
    private static let leadingNoise: Set<String> = [
        "a", "an", "the", "me", "us", "on", "for", "my", "our", "some", "of", "to", "that", "this", "with", "and",
    ]
    private static let smallWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "vs",
    ]

    /// A title from the prompt ("write a blog post about slow mornings" → "Slow Mornings"), or `nil`.
    static func title(fromPrompt prompt: String) -> String? {
        let firstLine = prompt.split(whereSeparator: { $0 == "\n" || $0 == "." || $0 == "?" || $0 == "!" }).first ?? ""
        var words = firstLine.split(whereSeparator: { $0.isWhitespace }).map {
            String($0).trimmingCharacters(in: .punctuationCharacters)
        }.filter { !$0.isEmpty }
        while let first = words.first?.lowercased(),
              StopWords.instructionWords.contains(first) || leadingNoise.contains(first) {
            words.removeFirst()
        }
        guard !words.isEmpty else { return nil }
        return titleCase(Array(words.prefix(10)))
    }

    /// Title Case, keeping small words lower-case except first, and leaving acronyms and names as typed.
    static func titleCase(_ words: [String]) -> String {
        words.enumerated().map { index, word in
            let lower = word.lowercased()
            if index > 0 && smallWords.contains(lower) { return lower }
            if word == lower { return word.prefix(1).uppercased() + word.dropFirst() }
            return word
        }.joined(separator: " ")
    }

    /// The most frequent content words of `text` (ties by first appearance), skipping `excluded`.
    static func salientWords(
        in text: String, excluding excluded: Set<String>, limit: Int, nounLike: Set<String>? = nil
    ) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for word in WordHasher.words(text) {
            let lower = word.lowercased()
            guard lower.count > 3, !StopWords.all.contains(lower), !excluded.contains(lower),
                  !lower.contains("'"), !lower.allSatisfy(\.isNumber),
                  nounLike.map({ $0.contains(lower) }) ?? true else { continue }
            if counts[lower] == nil { order.append(lower) }
            counts[lower, default: 0] += 1
        }
        let ranked = order.enumerated().sorted {
            let a = counts[$0.element, default: 0], b = counts[$1.element, default: 0]
            return a != b ? a > b : $0.offset < $1.offset
        }
        return ranked.prefix(limit).map(\.element)
    }

    /// A section heading from the section's own salient words ("Habits and Mornings").
    static func heading(for text: String, excluding excluded: Set<String>, nounLike: Set<String>) -> String? {
        var words = salientWords(in: text, excluding: excluded, limit: 2, nounLike: nounLike)
        if words.isEmpty { words = salientWords(in: text, excluding: excluded, limit: 2) }
        guard let first = words.first else { return nil }
        return titleCase(words.count > 1 ? [first, "and", words[1]] : [first])
    }

    /// `#CamelCase` hashtags from topic words first, then the piece's salient words.
    static func hashtags(topic: [String], text: String, count: Int, nounLike: Set<String>) -> [String] {
        guard count > 0 else { return [] }
        var tags: [String] = []
        var seen = Set<String>()
        let candidates = topic + salientWords(in: text, excluding: Set(topic), limit: count * 2, nounLike: nounLike)
            + salientWords(in: text, excluding: Set(topic), limit: count * 2)
        for word in candidates {
            let clean = word.filter { $0.isLetter || $0.isNumber }
            guard clean.count > 2, seen.insert(clean.lowercased()).inserted else { continue }
            tags.append("#" + clean.prefix(1).uppercased() + clean.dropFirst())
            if tags.count == count { break }
        }
        return tags
    }
}
