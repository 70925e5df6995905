import Foundation

/// How a writer cases their headings and titles: "How I learned to rest" (sentence case) or "How I Learned to
/// Rest" (Title Case). Read from the writer's own Markdown headings; sentence case unless they use title case.
public enum HeadingStyle: String, Sendable, Equatable {
    case sentence, title

    /// Words Title Case leaves lowercase.
    static let minor: Set<String> = ["a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
                                     "in", "of", "on", "to", "up", "via", "with", "from", "into", "over", "per", "vs"]

    /// Title case when most of the headings capitalise most of their non-initial major words; else sentence case.
    /// `nil` when the texts have no heading with at least two major words after the first.
    public static func detect(in texts: [String]) -> HeadingStyle? {
        var titled = 0, judged = 0
        for text in texts {
            for line in text.split(separator: "\n") where isHeading(line) {
                let heading = line.drop { $0 == "#" || $0 == " " }
                let words = heading.split(separator: " ").dropFirst().map(String.init)
                    .filter { $0.first?.isLetter == true && !minor.contains($0.lowercased()) }
                guard words.count >= 2 else { continue }
                judged += 1
                let capitals = words.filter { $0.first?.isUppercase == true }.count
                if Double(capitals) / Double(words.count) >= 0.75 { titled += 1 }
            }
        }
        guard judged > 0 else { return nil }
        return Double(titled) / Double(judged) > 0.5 ? .title : .sentence
    }

    /// A Markdown ATX heading line (`## Title`), not a line of hashtags (`#ICP #growth`).
    public static func isHeading<S: StringProtocol>(_ line: S) -> Bool {
        let hashes = line.prefix { $0 == "#" }.count
        return (1...6).contains(hashes) && line.dropFirst(hashes).first == " "
    }

    /// `text` in this case style: sentence case keeps the first word's capital, "I" and `properNouns` (words the
    /// writer capitalises mid-sentence), lowercasing the rest; title case capitalises every major word.
    public func apply(_ text: String, properNouns: Set<String> = []) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return words.enumerated().map { index, word in
            guard let first = word.first, first.isLetter else { return word }
            switch self {
            case .title:
                if index > 0 && Self.minor.contains(word.lowercased()) { return word.lowercased() }
                return first.uppercased() + word.dropFirst()
            case .sentence:
                if index == 0 { return first.uppercased() + word.dropFirst() }
                // A capital inside a heading is kept only for "I" and names the caller knows.
                if word == "I" || word.hasPrefix("I'") || properNouns.contains(word) { return word }
                return word.prefix(1).lowercased() + word.dropFirst()
            }
        }.joined(separator: " ")
    }
}
