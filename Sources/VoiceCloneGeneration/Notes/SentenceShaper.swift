import Foundation
import VoiceCloneGrammar

/// Splits and joins sentences only where the result is made of full sentences, as told by the link grammar parser
/// (``LinkGrammar``). Shared by the notes drafter and the offline rewrite, so both keep the same promise: no edit
/// ever turns a full sentence into a fragment. Without the parser (dictionary missing) nothing is split or joined.
public struct SentenceShaper: Sendable {
    public let grammar: LinkGrammar?

    public init(grammar: LinkGrammar?) {
        self.grammar = grammar
    }

    /// The parser's verdict on the sentence as a reader sees it: Markdown emphasis, emoji and hashtags are not words.
    public func isFullSentence(_ sentence: String) -> Bool {
        guard let grammar else { return false }
        return grammar.linksCompletely(Self.plain(sentence))
    }

    /// How a joint between two clauses is written, from the writer's habits.
    public enum Joiner: String, Sendable, CaseIterable {
        case commaAnd = ", and "
        case dash = " — "
        case semicolon = "; "
    }

    /// A split: the two sentences and the joint that was cut (for `--diff` reasons).
    public struct Split: Sendable, Equatable {
        public var first: String
        public var second: String
        public var joint: String
    }

    /// Splits `sentence` at the clause boundary nearest its middle where both halves are full sentences:
    /// a semicolon, ", and", ", but", ", so" or a spaced dash, never inside quotation marks or parentheses.
    /// Returns `nil` when no joint gives two full sentences.
    public func split(_ sentence: String, minimumWords: Int = 4) -> Split? {
        guard grammar != nil else { return nil }
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        guard let terminal = trimmed.last, ".!?".contains(terminal) else { return nil }
        let totalWords = Self.words(trimmed)
        guard totalWords >= minimumWords * 2 else { return nil }
        var candidates: [(range: Range<String.Index>, joint: String, distance: Int)] = []
        for joint in ["; ", ", and ", ", but ", ", so ", " — "] {
            var from = trimmed.startIndex
            while let r = trimmed.range(of: joint, range: from..<trimmed.endIndex) {
                let left = trimmed[..<r.lowerBound]
                let leftWords = Self.words(String(left))
                if leftWords >= minimumWords, totalWords - leftWords >= minimumWords, Self.isOutsideQuotesAndParentheses(left) {
                    candidates.append((r, joint, abs(leftWords - totalWords / 2)))
                }
                from = r.upperBound
            }
        }
        candidates.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.range.lowerBound < $1.range.lowerBound }
        for candidate in candidates {
            let left = String(trimmed[..<candidate.range.lowerBound]).trimmingCharacters(in: .whitespaces)
            var right = String(trimmed[candidate.range.upperBound...]).trimmingCharacters(in: .whitespaces)
            switch candidate.joint {
            case ", but ": right = "But " + right
            case ", so ": right = "So " + right
            default: right = Self.capitalisingFirst(right)
            }
            guard let lastLeft = left.last, !",;:—-".contains(lastLeft) else { continue }
            // The parser accepts a subordinate clause on its own ("Because the meeting ran late." answers a
            // question), so a half that opens with a subordinator is never made a sentence of its own.
            if Self.opensSubordinateClause(left) || Self.opensSubordinateClause(String(trimmed[candidate.range.upperBound...])) {
                continue
            }
            // "…help students stay focused, simplify studying, and support the momentum": the part after the joint
            // opens on a bare verb that shares the first half's subject, the last item of a list of predicates. The
            // parser accepts it alone as an imperative ("Support the momentum."), which the writer never meant.
            if candidate.joint == ", and " || candidate.joint == " — " || candidate.joint == "; ",
               opensOnBareVerb(String(trimmed[candidate.range.upperBound...])) {
                continue
            }
            let first = left + "."
            if isFullSentence(first), isFullSentence(right) {
                return Split(first: first, second: right, joint: candidate.joint.trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    /// Joins two full sentences with the writer's joiner when the joined sentence is itself a full sentence.
    /// Only plain statements ending in a full stop are joined; a question or an exclamation keeps its own mark.
    public func join(_ first: String, _ second: String, with joiner: Joiner) -> String? {
        guard grammar != nil else { return nil }
        let a = first.trimmingCharacters(in: .whitespaces), b = second.trimmingCharacters(in: .whitespaces)
        guard a.hasSuffix("."), !a.hasSuffix("..."), !a.hasSuffix(".)"), b.hasSuffix("."), let lead = b.first,
              lead.isUppercase else { return nil }
        // An abbreviation at the end ("… the U.S.") or a bullet-like opener is not a sentence end to join at.
        let lastWord = a.split(separator: " ").last.map(String.init) ?? ""
        guard lastWord.filter({ $0 == "." }).count == 1 else { return nil }
        guard isFullSentence(a), isFullSentence(b) else { return nil }
        let firstWord = String(b.prefix { $0 != " " })
        let keepCapital = firstWord == "I" || firstWord.hasPrefix("I'") || firstWord.hasPrefix("I’")
            || firstWord.contains(where: \.isNumber)
        // Lower-case only a word that is certainly not a name (a function word); anything else might be one.
        guard keepCapital || StopWords.all.contains(firstWord.lowercased()) else { return nil }
        let body = keepCapital ? b : lead.lowercased() + b.dropFirst()
        let joined = String(a.dropLast()) + joiner.rawValue + body
        return isFullSentence(joined) ? joined : nil
    }

    /// The sentence with Markdown emphasis, links, emoji and hashtags removed, as the parser should read it.
    public static func plain(_ sentence: String) -> String {
        var s = sentence
        // [text](url) → text
        if s.contains("](") {
            s = s.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        }
        s = String(s.unicodeScalars.filter { scalar in
            !(scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value > 0x238C)) && scalar != "\u{FE0F}"
                && !"*_`".unicodeScalars.contains(scalar)
        }.map(Character.init))
        s = s.replacingOccurrences(of: #"(^|\s)#\w+"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "“", with: "\"")
            .replacingOccurrences(of: "”", with: "\"")
        return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when the parser reads the first word of `clause` (as a sentence of its own) as a verb: a predicate
    /// with no subject of its own.
    func opensOnBareVerb(_ clause: String) -> Bool {
        guard let grammar else { return false }
        let sentence = Self.capitalisingFirst(Self.plain(clause).trimmingCharacters(in: .whitespaces))
        guard let first = grammar.wordClasses(sentence)?.first else { return false }
        return first.wordClass == .verb
    }

    static let subordinators: Set<String> = [
        "because", "which", "who", "whom", "whose", "that", "although", "though", "while", "whereas", "if", "unless",
        "when", "whenever", "since", "as", "until", "after", "before", "where", "so that", "whether", "once",
    ]

    static func opensSubordinateClause(_ s: String) -> Bool {
        let first = s.split(separator: " ").first.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) } ?? ""
        return subordinators.contains(first)
    }

    static func words(_ s: String) -> Int { s.split(whereSeparator: \.isWhitespace).count }

    /// True when every quotation mark and parenthesis opened in `prefix` is closed again.
    static func isOutsideQuotesAndParentheses(_ prefix: Substring) -> Bool {
        var depth = 0, straight = 0, curly = 0
        for c in prefix {
            switch c {
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "\"": straight += 1
            case "“": curly += 1
            case "”": curly -= 1
            default: break
            }
        }
        return depth == 0 && straight % 2 == 0 && curly == 0
    }

    static func capitalisingFirst(_ s: String) -> String {
        guard let first = s.first, first.isLowercase else { return s }
        let firstWord = s.prefix { $0 != " " }
        // "iPhone", "eBay": a capital inside the word means the lower-case start is deliberate.
        if firstWord.dropFirst().contains(where: \.isUppercase) { return s }
        return first.uppercased() + s.dropFirst()
    }
}
