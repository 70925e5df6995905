import Foundation
import VoiceCloneAnalysis
import VoiceCloneText

/// How a writer titles their emails: from the `Subject:` lines at the top of their own email samples, the
/// typical length in words and the case style. The prompt states it; offline, where no model writes a subject,
/// ``subject(for:)`` makes one from the draft's own opening in that shape, never from the request's wording.
public struct SubjectLineHabits: Sendable, Equatable {
    /// The writer's own subject lines, in sample order.
    public var examples: [String]
    public var medianWords: Int
    public var style: HeadingStyle

    public init(samples: [AnalysisSample]) {
        var found: [String] = []
        for sample in samples.sorted(by: { $0.id < $1.id }) {
            let first = sample.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first.map(String.init) ?? ""
            if first.lowercased().hasPrefix("subject:") {
                let subject = first.dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
                if !subject.isEmpty { found.append(subject) }
            }
        }
        examples = found
        let counts = found.map(WordCount.count).sorted()
        medianWords = counts.isEmpty ? 6 : max(2, counts[counts.count / 2])
        style = HeadingStyle.detect(in: found.map { "# " + $0 }) ?? .sentence
    }

    /// A subject for `body` in the writer's shape: its first sentence's opening words up to the writer's typical
    /// length, cut before a trailing function word, in their case style, without end punctuation.
    public func subject(for body: String, properNouns: Set<String> = []) -> String? {
        let prose = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.lowercased().hasPrefix("subject:") && !$0.hasPrefix("#") && !Self.isGreeting($0) }
        guard let prose else { return nil }
        let sentence = prose.split(omittingEmptySubsequences: true) { ".!?".contains($0) }.first.map(String.init) ?? prose
        var words = sentence.split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",;:—–-\"“”")) }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        if words.count > medianWords { words = Array(words.prefix(medianWords)) }
        while words.count > 2, let last = words.last, HeadingStyle.minor.contains(last.lowercased()) || Self.weakEnd.contains(last.lowercased()) {
            words.removeLast()
        }
        return style.apply(words.joined(separator: " "), properNouns: properNouns)
    }

    static let weakEnd: Set<String> = ["i", "my", "our", "your", "is", "was", "are", "were", "be", "that", "this", "it",
                                       "not", "will", "would", "can", "could", "just", "very", "when", "if"]

    static func isGreeting(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["hi", "hello", "hey", "dear", "good morning"].contains { lower.hasPrefix($0) } && WordCount.count(line) <= 6
    }
}
