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

    /// The clause joints a split may cut at. ``basic`` is the drafter's set; ``extended`` adds the joints the
    /// rewrite plans with: ", yet", a colon before a full sentence, ", while" (the second clause stands alone)
    /// and ", which" (the second clause opens "This …").
    public static let basicJoints = ["; ", ", and ", ", but ", ", so ", " — "]
    public static let extendedJoints = basicJoints + [", yet ", ": ", ", while ", ", which "]

    /// A place a sentence could be cut, before the parser has been asked: its position and the two halves' lengths.
    public struct Joint: Sendable, Equatable {
        public var offset: Int
        public var length: Int
        public var joint: String
        public var leftWords: Int
        public var rightWords: Int
    }

    /// Every joint of `sentence` outside quotation marks and parentheses that leaves at least `minimumWords` on each
    /// side, in order of position. Cheap (no parsing): a planner weighs these by length first, then asks
    /// ``split(_:at:)`` for the one it wants.
    public func joints(in sentence: String, minimumWords: Int = 4, joints kinds: [String] = basicJoints) -> [Joint] {
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        guard let terminal = trimmed.last, ".!?".contains(terminal) else { return [] }
        let totalWords = Self.words(trimmed)
        guard totalWords >= minimumWords * 2 else { return [] }
        var out: [Joint] = []
        for joint in kinds {
            var from = trimmed.startIndex
            while let r = trimmed.range(of: joint, range: from..<trimmed.endIndex) {
                let left = trimmed[..<r.lowerBound]
                let leftWords = Self.words(String(left))
                if leftWords >= minimumWords, totalWords - leftWords >= minimumWords, Self.isOutsideQuotesAndParentheses(left) {
                    out.append(Joint(offset: trimmed.distance(from: trimmed.startIndex, to: r.lowerBound),
                                     length: joint.count, joint: joint, leftWords: leftWords,
                                     // ", and", ", while" and a dash go; "but", "so", "yet" open the second
                                     // sentence; "which" becomes "This".
                                     rightWords: totalWords - leftWords
                                         - (joint == ", and " || joint == ", while " || joint == " — " ? 1 : 0)))
                }
                from = r.upperBound
            }
        }
        return out.sorted { $0.offset < $1.offset }
    }

    /// Cuts `sentence` at `joint` when both halves are full sentences to the parser, or `nil`.
    public func split(_ sentence: String, at joint: Joint) -> Split? {
        guard grammar != nil else { return nil }
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        guard joint.offset + joint.length <= trimmed.count else { return nil }
        let lo = trimmed.index(trimmed.startIndex, offsetBy: joint.offset)
        let hi = trimmed.index(lo, offsetBy: joint.length)
        guard trimmed[lo..<hi] == joint.joint else { return nil }
        let left = String(trimmed[..<lo]).trimmingCharacters(in: .whitespaces)
        let rest = String(trimmed[hi...]).trimmingCharacters(in: .whitespaces)
        var right: String
        switch joint.joint {
        case ", but ": right = "But " + rest
        case ", so ": right = "So " + rest
        case ", yet ": right = "Yet " + rest
        case ", which ": right = "This " + rest
        default: right = Self.capitalisingFirst(rest)
        }
        // The left half must end on a word: "e.g., and" or "(see below):" would give ".." or a stray mark.
        guard let lastLeft = left.last, lastLeft.isLetter || lastLeft.isNumber || ")\"'”’".contains(lastLeft),
              !left.hasSuffix(".") else { return nil }
        // The parser accepts a subordinate clause on its own ("Because the meeting ran late." answers a
        // question), so a half that opens with a subordinator is never made a sentence of its own.
        if Self.opensSubordinateClause(left) || (joint.joint != ", which " && Self.opensSubordinateClause(rest)) {
            return nil
        }
        // "…help students stay focused, simplify studying, and support the momentum": the part after the joint
        // opens on a bare verb that shares the first half's subject, the last item of a list of predicates. The
        // parser accepts it alone as an imperative ("Support the momentum."), which the writer never meant.
        if [", and ", " — ", "; ", ": ", ", while ", ", yet "].contains(joint.joint), opensOnBareVerb(rest) {
            return nil
        }
        // ", which" opens a clause about the thing before it only when a verb follows: "…, which the team uses"
        // ("This the team uses.") is not one.
        if joint.joint == ", which ", let first = grammar?.wordClasses(Self.plain(right))?.dropFirst().first,
           first.wordClass != .verb {
            return nil
        }
        // A colon before a list or a label is not a clause joint: the part after it must itself be a sentence
        // with a verb, which the parser check below asks; and the first half must not end on "following"/"as".
        let first = left + "."
        guard isFullSentence(first), isFullSentence(right) else { return nil }
        // The parser links a bare noun phrase ("Time, money, and a lot of patience.") completely; a sentence of
        // its own needs a verb.
        guard hasVerb(first), hasVerb(right) else { return nil }
        return Split(first: first, second: right, joint: joint.joint.trimmingCharacters(in: .whitespaces))
    }

    /// Splits `sentence` at the clause boundary nearest its middle where both halves are full sentences:
    /// a semicolon, ", and", ", but", ", so" or a spaced dash, never inside quotation marks or parentheses.
    /// Returns `nil` when no joint gives two full sentences.
    public func split(_ sentence: String, minimumWords: Int = 4) -> Split? {
        guard grammar != nil else { return nil }
        let candidates = joints(in: sentence, minimumWords: minimumWords)
        let total = Self.words(sentence.trimmingCharacters(in: .whitespaces))
        let ordered = candidates.sorted {
            let a = abs($0.leftWords - total / 2), b = abs($1.leftWords - total / 2)
            return a != b ? a < b : $0.offset < $1.offset
        }
        for joint in ordered {
            if let split = split(sentence, at: joint) { return split }
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

    /// True when the parser reads a word of the full sentence `s` as a verb.
    func hasVerb(_ s: String) -> Bool {
        grammar?.wordClasses(Self.plain(s))?.contains { $0.wordClass == .verb } ?? false
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

    public static func words(_ s: String) -> Int { s.split(whereSeparator: \.isWhitespace).count }

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
