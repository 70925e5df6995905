import Foundation
import VoiceCloneAnalysis
import VoiceCloneDetection

/// The "Avoid" part of a prompt: a writer's ``AvoidList`` (the detector's words and phrases minus the ones they
/// use) with the plain word to use instead where there is one, and the constructions of `prompts/avoid.txt` that
/// this writer does not use themselves.
public enum AvoidInstructions {
    /// Habits that lift a construction line of `avoid.txt` (its `[condition]`).
    public struct WriterHabits: Sendable, Equatable {
        public var asksQuestions: Bool
        public var titleCaseHeadings: Bool
        public var usesEmoji: Bool

        public init(asksQuestions: Bool = false, titleCaseHeadings: Bool = false, usesEmoji: Bool = false) {
            self.asksQuestions = asksQuestions
            self.titleCaseHeadings = titleCaseHeadings
            self.usesEmoji = usesEmoji
        }

        /// From the DNA: questions are 5% of sentences or more, emoji at least one per 2,000 words.
        public init(dna: VoiceDNA?, titleCaseHeadings: Bool) {
            self.init(asksQuestions: (dna?.sentences.questionShare ?? 0) >= 0.05, titleCaseHeadings: titleCaseHeadings,
                      usesEmoji: (dna?.formatting.emoji ?? 0) >= 0.5)
        }
    }

    /// Bulleted lines for the prompt.
    public static func lines(_ avoid: AvoidList, habits: WriterHabits = WriterHabits()) -> [String] {
        var lines: [String] = []
        let words = headWords(avoid.words), phrases = shortestPhrases(avoid.phrases)
        if !words.isEmpty {
            lines.append("Words, in any of their forms (delve: delves, delving): "
                + words.map { word in avoid.plain[word].map { "\(word) (say \($0))" } ?? word }.joined(separator: ", ") + ".")
        }
        if !phrases.isEmpty {
            lines.append("Phrases, and longer ones built on them: " + phrases.map { phrase in
                avoid.plain[phrase].map { "\"\(phrase)\" (say \"\($0)\")" } ?? "\"\(phrase)\""
            }.joined(separator: ", ") + ".")
        }
        if !avoid.openers.isEmpty {
            lines.append("Two sentences in a row opening with a connective: " + avoid.openers.joined(separator: ", ") + ".")
        }
        lines.append(contentsOf: constructions(habits: habits))
        return lines.map { "- " + $0 }
    }

    /// The words without their inflected forms when the base form is listed too ("delves", "delving" go with
    /// "delve"): the list stays whole, the prompt shorter.
    static func headWords(_ words: [String]) -> [String] {
        let set = Set(words)
        func isForm(_ word: String) -> Bool {
            for suffix in ["s", "es", "d", "ed", "ing", "ly"] where word.hasSuffix(suffix) {
                let stem = String(word.dropLast(suffix.count))
                if stem.count >= 4 && (set.contains(stem) || set.contains(stem + "e")) { return true }
            }
            return false
        }
        return words.filter { !isForm($0) }
    }

    /// The phrases that do not contain another listed phrase ("plays a crucial role in" goes with "plays a
    /// crucial role").
    static func shortestPhrases(_ phrases: [String]) -> [String] {
        phrases.filter { phrase in
            !phrases.contains { other in other != phrase && other.count < phrase.count && (" " + phrase + " ").contains(" " + other + " ") }
        }
    }

    /// `avoid.txt`'s lines whose condition this writer does not meet.
    static func constructions(habits: WriterHabits) -> [String] {
        PromptResources.avoidList().compactMap { item in
            var line = item.phrase
            if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
                let condition = line[line.index(after: line.startIndex)..<close]
                line = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
                switch condition {
                case "questions" where habits.asksQuestions: return nil
                case "titlecase" where habits.titleCaseHeadings: return nil
                case "emoji" where habits.usesEmoji: return nil
                default: break
                }
            }
            return line + (item.instead.map { " (instead: \($0))" } ?? "")
        }
    }
}
