import Foundation
import VoiceCloneGrammar

/// Splits and joins sentences only where the result is made of full sentences, as told by the link grammar parser
/// (``LinkGrammar``). Shared by the notes drafter and the offline rewrite, so both keep the same promise: no edit
/// ever turns a full sentence into a fragment. Without the parser (dictionary missing) nothing is split or joined.
public struct SentenceShaper: Sendable {
    public let grammar: LinkGrammar?
    /// The words of ``addedOpeners`` this writer opens sentences with; a split never makes a sentence open on one
    /// they do not use ("X. So Y." for a writer who never opens with "So"). `nil`: not known, every split allowed.
    public let writerOpeners: Set<String>?

    public init(grammar: LinkGrammar?, writerOpeners: Set<String>? = nil) {
        self.grammar = grammar
        self.writerOpeners = writerOpeners
    }

    /// Connectives and the pointing "This" that a split puts at the head of its second sentence: ", but" → "But",
    /// a fronted "because" → "So", ", because" → "This is because", "…, making" → "This makes". Each is a habit of
    /// some writers and not of others, so a split that opens on one is gated on the writer's own openers.
    public static let addedOpeners: Set<String> = ["but", "so", "yet", "or", "and", "this"]

    /// The word of ``addedOpeners`` the second sentence of `split` opens on, when the writer never opens a
    /// sentence with it (so the split would put words in their mouth); `nil` when the split is theirs to make.
    public func openerNotUsed(by split: Split) -> String? {
        guard let writerOpeners else { return nil }
        let first = split.second.prefix { $0 != " " }.lowercased().trimmingCharacters(in: .punctuationCharacters)
        return Self.addedOpeners.contains(first) && !writerOpeners.contains(first) ? first : nil
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
    public static let extendedJoints = basicJoints + [", yet ", ": ", ", while ", ", whereas ", ", which ",
                                                      ", although ", ", though ", ", or ", ", because "] + bareJoints
        + participles.keys.sorted().map { ", \($0) " } + [liftWho, liftWhich, fronted]

    /// A sentence that opens on a subordinate clause of contrast or cause, cut at the comma that closes it, the
    /// connective reworded so both halves are full sentences: "Although X, Y." → "X. But Y."; "Because X, Y." →
    /// "X. So Y.". The joint's offset is the closing comma, its length 2 (", ").
    public static let fronted = "<fronted clause>"

    /// The subordinators ``fronted`` rewords, and the connective that opens the main clause in their place.
    static let frontedOpeners: [(opener: String, connective: String)] = [
        ("even though ", "But"), ("although ", "But"), ("though ", "But"), ("whereas ", "But"), ("while ", "But"),
        ("because ", "So"),
    ]

    /// "and"/"but"/"whereas" with no comma before them, between two clauses that each have a subject and a verb
    /// ("Technology is evolving and the education sector is no exception."). Most machine-written long sentences
    /// have no comma joint at all; these are cut only under extra guards (``bareJointBlocked(_:)``).
    public static let bareJoints = [" and ", " but ", " whereas "]

    /// Words before a bare "and"/"but" that may make it part of a larger structure than two main clauses: a
    /// subordinate clause ("The study shows that costs rose and wages fell": both halves are what it shows), a pair
    /// ("between X and Y", "both X and Y"), a comparison ("more X and more Y").
    static let bareJointBlockers: Set<String> = [
        "that", "which", "who", "whom", "whose", "if", "because", "when", "whenever", "while", "although", "though",
        "since", "whether", "as", "unless", "until", "where", "how", "why", "what", "once", "after", "before",
        "between", "both", "either", "neither", "not", "only", "more", "less", "than", "to",
    ]

    static let subjectOpeners: Set<String> = [
        "i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "there", "the", "a", "an", "our",
        "their", "his", "her", "its", "my", "your", "some", "many", "most", "each", "every", "no", "one", "others",
        "another", "such", "several", "few",
    ]

    /// True when the words after a colon read as a list of items: items set off by semicolons, a comma before the
    /// closing "and"/"or" ("the team shrank, the budget grew, and …"), or two commas before it ("A, B, C and D").
    /// One comma and a later "and" is not enough: "every graph is different, with its own shape and size" is a
    /// sentence whose "and" joins two nouns inside a phrase.
    static func readsAsList(_ rest: String) -> Bool {
        if rest.contains(";") || rest.contains(", and ") || rest.contains(", or ") { return true }
        let lastConjunction = [" and ", " or "].compactMap { rest.range(of: $0, options: .backwards)?.lowerBound }.max()
        guard let end = lastConjunction else { return false }
        return rest[..<end].components(separatedBy: ", ").count - 1 >= 2
    }

    static func bareJointBlocked(_ left: String) -> Bool {
        // An opening phrase set off by a comma ("In 2020, sales fell and costs rose") covers both clauses; cut,
        // the second would lose it.
        left.contains(",") || left.contains(":") || left.lowercased().split(whereSeparator: { !$0.isLetter }).contains { bareJointBlockers.contains(String($0)) }
    }

    /// A relative clause set off by commas right after the sentence's subject, lifted into a sentence of its own:
    /// "The report, which was published in May, showed …" → "The report was published in May. It showed …".
    /// The joint's offset is the comma before "who"/"which", its length runs to the space after the closing comma.
    public static let liftWho = "<lift who>"
    public static let liftWhich = "<lift which>"

    /// Trailing participial clauses about the whole event ("…, making it hard to …") and the verb that opens
    /// "This …" in their place: (present, past). Only verbs whose implied subject is the event, not the sentence's
    /// subject ("…, humming a tune" is about the walker and is not listed).
    public static let participles: [String: (present: String, past: String)] = [
        "making": ("makes", "made"), "allowing": ("allows", "allowed"), "enabling": ("enables", "enabled"),
        "leading": ("leads", "led"), "ensuring": ("ensures", "ensured"), "resulting": ("results", "resulted"),
        "causing": ("causes", "caused"), "creating": ("creates", "created"), "giving": ("gives", "gave"),
        "contributing": ("contributes", "contributed"), "fostering": ("fosters", "fostered"),
        "leaving": ("leaves", "left"), "preventing": ("prevents", "prevented"), "forcing": ("forces", "forced"),
        "paving": ("paves", "paved"), "hindering": ("hinders", "hindered"), "meaning": ("means", "meant"),
        "requiring": ("requires", "required"), "reducing": ("reduces", "reduced"),
        "increasing": ("increases", "increased"), "highlighting": ("highlights", "highlighted"),
        "undermining": ("undermines", "undermined"), "putting": ("puts", "put"),
    ]

    /// Nouns that name a person of known sex, the only singular antecedents "who" may be replaced by "He"/"She".
    /// The pronoun that can stand for a noun subject said again: "They" for a plural, "It" only for a thing (a
    /// "which" clause's antecedent), "He"/"She" only for a noun that names a man or a woman; `nil` otherwise, since a
    /// wrong pronoun changes who did what.
    static func pronoun(for noun: String, plural: Bool, thing: Bool) -> String? {
        if plural { return "They" }
        if thing { return "It" }
        if masculine.contains(noun) { return "He" }
        if feminine.contains(noun) { return "She" }
        return nil
    }

    static let masculine: Set<String> = ["man", "boy", "king", "father", "husband", "son", "brother", "uncle",
        "gentleman", "grandfather", "prince", "monk", "nephew", "actor", "waiter", "widower", "groom", "lord", "sir",
        "mr", "mr.", "dad", "grandson", "boyfriend", "priest", "duke", "emperor"]
    static let feminine: Set<String> = ["woman", "girl", "queen", "mother", "wife", "daughter", "sister", "aunt",
        "lady", "grandmother", "princess", "nun", "niece", "actress", "waitress", "widow", "bride", "mrs", "mrs.",
        "ms", "ms.", "mum", "mom", "granddaughter", "girlfriend", "duchess", "empress"]

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
            if joint == Self.liftWho || joint == Self.liftWhich {
                out += lifts(in: trimmed, who: joint == Self.liftWho, minimumWords: minimumWords)
                continue
            }
            if joint == Self.fronted {
                out += frontedClause(in: trimmed, minimumWords: minimumWords).map { [$0] } ?? []
                continue
            }
            while let r = trimmed.range(of: joint, range: from..<trimmed.endIndex) {
                let left = trimmed[..<r.lowerBound]
                let leftWords = Self.words(String(left))
                if leftWords >= minimumWords, totalWords - leftWords >= minimumWords, Self.isOutsideQuotesAndParentheses(left) {
                    out.append(Joint(offset: trimmed.distance(from: trimmed.startIndex, to: r.lowerBound),
                                     length: joint.count, joint: joint, leftWords: leftWords,
                                     // ", and" and a dash go; "but", "so", "yet" (and "But" for ", while") open the second
                                     // sentence; "which" becomes "This".
                                     rightWords: totalWords - leftWords
                                         - (joint == ", and " || joint == " — " || joint == " and " ? 1 : 0)
                                         + (Self.isParticipleJoint(joint) ? 1 : 0) + (joint == ", because " ? 2 : 0)))
                }
                from = r.upperBound
            }
        }
        return out.sorted { $0.offset < $1.offset }
    }

    static func isParticipleJoint(_ joint: String) -> Bool {
        joint.hasPrefix(", ") && participles[String(joint.dropFirst(2).dropLast())] != nil
    }

    /// The joint of a sentence opening on a clause of contrast or cause (``fronted``): the first comma after the
    /// opener, outside quotation marks and parentheses. Cheap; ``split(_:at:)`` asks the parser.
    func frontedClause(in sentence: String, minimumWords: Int) -> Joint? {
        let lower = sentence.lowercased()
        guard let opener = Self.frontedOpeners.first(where: { lower.hasPrefix($0.opener) }),
              let comma = sentence.range(of: ", ") else { return nil }
        let clause = sentence[sentence.index(sentence.startIndex, offsetBy: opener.opener.count)..<comma.lowerBound]
        guard Self.isOutsideQuotesAndParentheses(sentence[..<comma.lowerBound]) else { return nil }
        let leftWords = Self.words(String(clause))
        let rightWords = Self.words(String(sentence[comma.upperBound...])) + 1
        guard leftWords >= minimumWords, rightWords >= minimumWords else { return nil }
        return Joint(offset: sentence.distance(from: sentence.startIndex, to: comma.lowerBound), length: 2,
                     joint: Self.fronted, leftWords: leftWords, rightWords: rightWords)
    }

    /// "Although X, Y." → "X." + "But Y." (``fronted``), when both are full sentences with a verb, the clause has
    /// no comma of its own, "while" is not the "while" of time ("While she was walking, …": a progressive verb), and
    /// the main clause has its own subject (its first word is not a verb).
    func frontedSplit(_ trimmed: String, at joint: Joint) -> Split? {
        let lower = trimmed.lowercased()
        guard let opener = Self.frontedOpeners.first(where: { lower.hasPrefix($0.opener) }),
              joint.offset + joint.length <= trimmed.count else { return nil }
        let lo = trimmed.index(trimmed.startIndex, offsetBy: joint.offset)
        let hi = trimmed.index(lo, offsetBy: joint.length)
        guard trimmed[lo..<hi] == ", " else { return nil }
        let clause = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: opener.opener.count)..<lo])
        let rest = String(trimmed[hi...]).trimmingCharacters(in: .whitespaces)
        guard !clause.contains(","), !clause.contains(";"), !clause.contains(":"), let lastLeft = clause.last,
              lastLeft.isLetter || lastLeft.isNumber || ")\"'”’".contains(lastLeft) else { return nil }
        if opener.opener == "while " {
            let words = clause.lowercased().split(separator: " ").map(String.init)
            let progressive = zip(words, words.dropFirst()).contains { pair in
                ["is", "are", "was", "were", "am", "be", "been"].contains(pair.0) && pair.1.hasSuffix("ing")
            }
            if progressive { return nil }
        }
        // The main clause must open on its own subject: "…, it also poses risks", not "…, poses risks".
        guard !Self.opensSubordinateClause(rest), !opensOnBareVerb(rest), let restLead = rest.first else { return nil }
        let keepCapital = rest.hasPrefix("I ") || rest.hasPrefix("I'") || restLead.isUppercase
            && !StopWords.all.contains(String(rest.prefix { $0 != " " }).lowercased())
        let second = opener.connective + " " + (keepCapital ? rest : restLead.lowercased() + rest.dropFirst())
        let first = Self.capitalisingFirst(clause) + "."
        guard subjectVerb(first) != nil, subjectVerb(second) != nil else { return nil }
        guard isFullSentence(first), isFullSentence(second), hasVerb(first), hasVerb(second) else { return nil }
        return Split(first: first, second: second, joint: opener.opener.trimmingCharacters(in: .whitespaces) + " …, → "
                         + opener.connective)
    }

    /// The joints where two predicates of one subject may be cut, the subject said again as a pronoun.
    static let sharedSubjectJoints: Set<String> = [", and ", " and ", ", but ", " but "]

    /// Words that carry tense on their own: a second predicate opening on one of them keeps its meaning after
    /// "They": "…and can reduce stress" → "They can reduce stress". One opening on a bare verb shares the first
    /// predicate's auxiliary ("can learn … and apply …") and is not cut.
    static let auxiliaries: Set<String> = ["is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did",
        "can", "could", "will", "would", "shall", "should", "may", "might", "must", "be", "been"]

    /// "X VERBED A and VERBED B." → "X VERBED A." + "They VERBED B." when the parser links the conjunction as joining
    /// two verbs (`and.j-v`, its left verb the one the sentence's subject links to), the subject is a personal
    /// pronoun (said again) or a plural noun ("They") or a noun naming a man or a woman ("He"/"She"), the first
    /// predicate has no comma of its own (a list of predicates) and no auxiliary the second shares, and both halves
    /// are full sentences. A singular noun is refused: "It" would misname a person ("The student studies and works").
    func sharedSubjectSplit(_ trimmed: String, left: String, rest: String, joint: String) -> Split? {
        guard let grammar, !left.contains(","), !left.contains(";"), !left.contains(":"), !Self.bareJointBlocked(left),
              !left.hasPrefix("To "), !Self.opensSubordinateClause(left), let lastLeft = left.last,
              lastLeft.isLetter || lastLeft.isNumber else { return nil }
        let conjunction = joint.trimmingCharacters(in: CharacterSet(charactersIn: ", "))
        guard let parse = grammar.linkage(Self.plain(trimmed)) else { return nil }
        func base(_ w: String) -> String {
            guard let dot = w.lastIndex(of: "."), dot > w.startIndex else { return w.lowercased() }
            return String(w[..<dot]).lowercased()
        }
        // The conjunction at the joint: as many of it before as the left half has.
        let before = left.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0 == conjunction }.count
        let positions = parse.words.indices.filter { base(parse.words[$0]) == conjunction }
        guard before < positions.count else { return nil }
        let at = positions[before]
        guard parse.words[at].contains(".j-v"),
              let verbLink = parse.links.first(where: { $0.right == at && $0.label.hasPrefix("VJl") }),
              // The subject links to the conjunction when it heads both verbs ("we" → "and.j-v"), or to the first verb.
              let subjectLink = parse.links.first(where: { ($0.right == at || $0.right == verbLink.left)
                  && $0.label.hasPrefix("S") && !$0.label.hasPrefix("SJ") }) else { return nil }
        let verb = base(parse.words[verbLink.left])
        let restFirst = String(rest.prefix { $0 != " " }).lowercased().replacingOccurrences(of: "’", with: "'")
        if Self.auxiliaries.contains(verb), !Self.auxiliaries.contains(restFirst), !restFirst.hasSuffix("n't") { return nil }
        let head = subjectLink.left
        let word = base(parse.words[head])
        let pronoun: String
        switch word {
        case "i": pronoun = "I"
        case "we", "you", "they", "he", "she": pronoun = word.prefix(1).uppercased() + word.dropFirst()
        default:
            let token = parse.words[head]
            guard let dot = token.lastIndex(of: "."), let tag = token[token.index(after: dot)...].first,
                  "nspg".contains(tag), let plural = parse.isPlural(head) else { return nil }
            guard let chosen = Self.pronoun(for: word, plural: plural, thing: false) else { return nil }
            pronoun = chosen
        }
        let second = conjunction == "but" ? "But " + (pronoun == "I" ? pronoun : pronoun.lowercased()) + " " + rest
                                          : pronoun + " " + rest
        let first = left + "."
        guard isFullSentence(first), isFullSentence(second), hasVerb(first), hasVerb(second) else { return nil }
        return Split(first: first, second: second, joint: conjunction + ", subject said again as \"\(pronoun)\"")
    }

    /// The relative clauses of `sentence` that open right after its subject and close with a comma before the
    /// main verb: "X, who/which REL, REST". Cheap; ``split(_:at:)`` asks the parser.
    func lifts(in sentence: String, who: Bool, minimumWords: Int) -> [Joint] {
        let opener = who ? ", who " : ", which "
        guard let r = sentence.range(of: opener) else { return [] }
        let prefix = sentence[..<r.lowerBound]
        // The subject: no comma, no quotation or parenthesis before it, short enough to be a noun phrase.
        guard !prefix.contains(","), Self.isOutsideQuotesAndParentheses(prefix), Self.words(String(prefix)) <= 8,
              let close = sentence.range(of: ", ", range: r.upperBound..<sentence.endIndex) else { return [] }
        let body = sentence[r.upperBound..<close.lowerBound]
        guard Self.isOutsideQuotesAndParentheses(body), !body.contains(";"), !body.contains("—") else { return [] }
        let leftWords = Self.words(String(prefix)) + Self.words(String(body))
        let rightWords = 1 + Self.words(String(sentence[close.upperBound...]))
        guard leftWords >= minimumWords, rightWords >= minimumWords else { return [] }
        return [Joint(offset: sentence.distance(from: sentence.startIndex, to: r.lowerBound),
                      length: sentence.distance(from: r.lowerBound, to: close.upperBound),
                      joint: who ? Self.liftWho : Self.liftWhich, leftWords: leftWords, rightWords: rightWords)]
    }

    /// "X, who REL, REST." → "X REL." + "He/She/They/It REST.", when the pronoun is certain: the head noun of X
    /// is the first sentence's subject, its number is known from the parse (plural → "They"; singular → "It" for
    /// "which", "He"/"She" for "who" only with a noun that names a man or a woman), no other noun of the
    /// relative clause has the same number (it could take the pronoun), and the second sentence parses with it
    /// (the parser checks agreement: "They shows" fails).
    func lift(_ trimmed: String, at joint: Joint) -> Split? {
        guard let grammar, joint.offset + joint.length <= trimmed.count else { return nil }
        let who = joint.joint == Self.liftWho
        let lo = trimmed.index(trimmed.startIndex, offsetBy: joint.offset)
        let hi = trimmed.index(lo, offsetBy: joint.length)
        let prefix = String(trimmed[..<lo]).trimmingCharacters(in: .whitespaces)
        let middle = trimmed[lo..<hi]
        let opener = who ? ", who " : ", which "
        guard middle.hasPrefix(opener), middle.hasSuffix(", ") else { return nil }
        let body = String(middle.dropFirst(opener.count).dropLast(2)).trimmingCharacters(in: .whitespaces)
        let rest = String(trimmed[hi...]).trimmingCharacters(in: .whitespaces)
        guard !Self.opensSubordinateClause(prefix), let lead = prefix.first, lead.isUppercase else { return nil }
        let first = prefix + " " + body + "."
        guard let parse = grammar.linkage(Self.plain(first)) else { return nil }
        // The head noun: the last word of the subject, which must be a noun linked as the subject of a verb.
        let subjectCount = Self.words(Self.plain(prefix))
        guard subjectCount < parse.words.count else { return nil }
        let head = subjectCount   // LEFT-WALL is word 0
        let headWord = parse.words[head]
        guard let dot = headWord.lastIndex(of: "."), let tag = headWord[headWord.index(after: dot)...].first,
              "nspg".contains(tag) else { return nil }
        guard parse.links.contains(where: { $0.left == head && $0.label.hasPrefix("S") }) else { return nil }
        // The subject must come before any verb: the clause followed the subject, not an object.
        for k in 1..<head where parse.words[k].contains(".v") { return nil }
        guard let plural = parse.isPlural(head) else { return nil }
        let noun = String(headWord[..<dot]).lowercased()
        guard let pronoun = Self.pronoun(for: noun, plural: plural, thing: !who) else { return nil }
        // Another noun of the same number inside the relative clause could be read as the pronoun's antecedent.
        // For "He"/"She" only a noun naming someone of the same sex competes; for "It"/"They" any noun of that
        // number, or of a number the parse does not give.
        for k in (head + 1)..<parse.words.count {
            let w = parse.words[k]
            guard let d = w.lastIndex(of: "."), d > w.startIndex, let t = w[w.index(after: d)...].first,
                  "nspg".contains(t) else { continue }
            let other = String(w[..<d]).lowercased()
            switch pronoun {
            case "He": if Self.masculine.contains(other) { return nil }
            case "She": if Self.feminine.contains(other) { return nil }
            default: if parse.isPlural(k) == plural || parse.isPlural(k) == nil { return nil }
            }
        }
        let second = pronoun + " " + rest
        guard isFullSentence(first), isFullSentence(second), hasVerb(first), hasVerb(second) else { return nil }
        return Split(first: first, second: second, joint: (who ? ", who …," : ", which …,") + " lifted out, " + pronoun)
    }

    /// The word class of the last word of `left` and its number, from the parse of `left` as a sentence.
    func lastWordNumber(_ left: String) -> (isNoun: Bool, plural: Bool?)? {
        guard let parse = grammar?.linkage(Self.plain(left + ".")) else { return nil }
        // The last word before the full stop (and before RIGHT-WALL, when the parser shows one).
        guard let k = parse.words.lastIndex(where: { $0 != "." && $0 != "RIGHT-WALL" }) else { return nil }
        let w = parse.words[k]
        // A word the dictionary guessed ("Accords[!]", a name) has no subscript: its number is unknown.
        guard let d = w.lastIndex(of: "."), d > w.startIndex, let t = w[w.index(after: d)...].first else {
            // A dictionary word without one ("Friday") is read as before: the clause is the antecedent.
            return w.contains("[") ? (true, nil) : (false, nil)
        }
        guard "nspg".contains(t) else { return (false, nil) }
        return (true, parse.isPlural(k))
    }

    /// Cuts `sentence` at `joint` when both halves are full sentences to the parser and the second does not open on
    /// a connective this writer never opens with (``openerNotUsed(by:)``), or `nil`.
    public func split(_ sentence: String, at joint: Joint) -> Split? {
        guard let split = candidateSplit(sentence, at: joint), openerNotUsed(by: split) == nil else { return nil }
        return split
    }

    /// ``split(_:at:)`` before the writer's openers are asked: the planner counts the splits they refuse.
    public func candidateSplit(_ sentence: String, at joint: Joint) -> Split? {
        guard grammar != nil else { return nil }
        if joint.joint == Self.liftWho || joint.joint == Self.liftWhich {
            return lift(sentence.trimmingCharacters(in: .whitespaces), at: joint)
        }
        if joint.joint == Self.fronted { return frontedSplit(sentence.trimmingCharacters(in: .whitespaces), at: joint) }
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        guard joint.offset + joint.length <= trimmed.count else { return nil }
        let lo = trimmed.index(trimmed.startIndex, offsetBy: joint.offset)
        let hi = trimmed.index(lo, offsetBy: joint.length)
        guard trimmed[lo..<hi] == joint.joint else { return nil }
        let left = String(trimmed[..<lo]).trimmingCharacters(in: .whitespaces)
        let rest = String(trimmed[hi...]).trimmingCharacters(in: .whitespaces)
        // Two predicates of one subject ("Students learn faster and retain more"): the second half opens on a verb,
        // so it becomes a sentence only with the subject said again, as a pronoun.
        if Self.sharedSubjectJoints.contains(joint.joint), let lead = rest.first, lead.isLowercase,
           !Self.subjectOpeners.contains(String(rest.prefix { $0 != " " }).lowercased()) {
            if let split = sharedSubjectSplit(trimmed, left: left, rest: rest, joint: joint.joint) { return split }
            if opensOnBareVerb(rest) { return nil }
        }
        var right: String
        switch joint.joint {
        case ", but ": right = "But " + rest
        case ", so ": right = "So " + rest
        case ", yet ": right = "Yet " + rest
        // ", while" in these essays sets two things side by side ("Some thrive online, while others struggle");
        // cut with nothing in its place, the contrast is lost, so it opens the second sentence as "But".
        case ", whereas ", " whereas ", ", although ", ", though ", " but ", ", while ": right = "But " + rest
        case ", or ": right = "Or " + rest
        // ", because X" → "This is because X.": the reason as a sentence of its own, pointing back at the first.
        case ", because ": right = "This is because " + rest
        case ", which ":
            // "It"/"They" after a noun of known number (the thing named), "This" after anything else (the whole
            // clause: "He was late, which annoyed her." → "This annoyed her."); a noun whose number the parse does
            // not give is left alone.
            guard let last = lastWordNumber(String(trimmed[..<lo])) else { return nil }
            if last.isNoun {
                guard let plural = last.plural else { return nil }
                right = (plural ? "They " : "It ") + rest
            } else {
                right = "This " + rest
            }
        default:
            if Self.isParticipleJoint(joint.joint), let forms = Self.participles[String(joint.joint.dropFirst(2).dropLast())] {
                // "…, making it hard" → "This makes it hard" (or "made", when the first half is in the past).
                // The main verb's tense and aspect: "has been on the rise, causing …" → "This has caused …".
                let clause = String(trimmed[..<lo])
                if let perfect = perfectAuxiliary(clause) {
                    right = "This " + perfect + " " + (Self.pastParticiples[forms.past] ?? forms.past) + " " + rest
                } else {
                    guard let past = isPast(clause) else { return nil }
                    right = "This " + (past ? forms.past : forms.present) + " " + rest
                }
            } else {
                right = Self.capitalisingFirst(rest)
            }
        }
        // The left half must end on a word: "e.g., and" or "(see below):" would give ".." or a stray mark.
        guard let lastLeft = left.last, lastLeft.isLetter || lastLeft.isNumber || ")\"'”’".contains(lastLeft),
              !left.hasSuffix(".") else { return nil }
        // The parser accepts a subordinate clause on its own ("Because the meeting ran late." answers a
        // question), so a half that opens with a subordinator is never made a sentence of its own.
        if Self.bareJoints.contains(joint.joint) {
            if Self.bareJointBlocked(left) { return nil }
            // The second clause must open on a subject that cannot continue a noun phrase of the first: a pronoun,
            // a determiner or a name. "the efficacy and practicality of our method …" is two nouns under one
            // determiner, and the parser found a reading of "Practicality of our method … with limited labeled
            // data." as a sentence ("labeled" as its verb).
            let first = rest.prefix { $0 != " " }
            if !Self.subjectOpeners.contains(first.lowercased()) { return nil }
            // And the first half must have a subject linked to a verb: "Imposing community service sentences …
            // killing ample family time." parses as a command with no subject (its subject was the whole
            // coordinated phrase before "may discourage").
            guard subjectVerb(left + ".") != nil else { return nil }
        }
        // A concessive or contrasting clause followed by another comma may be fronted before the next main clause
        // ("To sum up, although X, Y sits uneasily"): cut, "But X, Y" says something else.
        if [", although ", ", though ", ", whereas ", ", while "].contains(joint.joint), rest.contains(", ") { return nil }
        // ", so you can …" states a purpose ("so that"), not a result: "So you can tweak them separately." reads
        // as a fragment. A subject followed by a modal marks it.
        if joint.joint == ", so " {
            let next = rest.lowercased().split(separator: " ").prefix(3).map(String.init)
            if next.count >= 2, ["can", "could", "will", "would", "may", "might", "should", "shall"].contains(next[1])
                || next.first == "that" {
                return nil
            }
        }
        // An opening infinitive ("To sum things up, although …") is not a sentence to a reader, whatever the parser says.
        if left.hasPrefix("To ") { return nil }
        if Self.opensSubordinateClause(left) || (joint.joint != ", which "
            && !Self.isParticipleJoint(joint.joint) && Self.opensSubordinateClause(rest)) {
            return nil
        }
        // "…help students stay focused, simplify studying, and support the momentum": the part after the joint
        // opens on a bare verb that shares the first half's subject, the last item of a list of predicates. The
        // parser accepts it alone as an imperative ("Support the momentum."), which the writer never meant.
        if [", and ", " — ", "; ", ": ", ", while ", ", whereas ", ", yet ", ", although ", ", though ", ", or ",
            " and ", " but ", " whereas "].contains(joint.joint), opensOnBareVerb(rest) {
            return nil
        }
        // A colon that introduces a list is never cut, even when the list's items are clauses the parser accepts
        // as a sentence ("three changes: the team shrank, the budget grew, and the deadline moved").
        if joint.joint == ": ", Self.readsAsList(rest) { return nil }
        // ", which" opens a clause about the thing before it only when a verb follows: "…, which the team uses"
        // ("This the team uses.") is not one.
        if joint.joint == ", which ", let first = grammar?.wordClasses(Self.plain(right))?.dropFirst().first,
           first.wordClass != .verb {
            return nil
        }
        // A semicolon cut keeps its connective: "; however, …" → "However, …" is a sentence of its own, but
        // "; and" or "; or" opening the second half is kept as "And …" only when the parser accepts it, below.
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
        // A dash joins a second sentence that elaborates the first: one that points back to it ("This", "It",
        // "That's why…") or is short. Two sentences that merely follow each other read as loosely run together.
        if joiner == .dash, !Self.elaborates(b) { return nil }
        let body = keepCapital ? b : lead.lowercased() + b.dropFirst()
        let joined = String(a.dropLast()) + joiner.rawValue + body
        return isFullSentence(joined) ? joined : nil
    }

    /// Words that open a sentence pointing back at the one before it.
    static let anaphoricOpeners: Set<String> = ["this", "that", "these", "those", "it", "they", "such", "so", "which",
                                                "he", "she", "both", "each", "here", "there's", "that's", "it's"]

    /// True when `sentence` can follow a dash: it opens on a word that points back, or is short (eight words or
    /// fewer), the two ways a dash-joined clause reads as an elaboration of the first.
    static func elaborates(_ sentence: String) -> Bool {
        let first = sentence.prefix { $0 != " " }.lowercased().replacingOccurrences(of: "’", with: "'")
            .trimmingCharacters(in: .punctuationCharacters)
        return anaphoricOpeners.contains(first) || words(sentence) <= 8
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
        // Words the parser's dictionary (5.11) gets wrong ("a great many", "and haven't") are the parser's own
        // business: `LinkGrammar.parse` reads them as the words they mean when the sentence does not link as written.
        s = s.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "“", with: "\"")
            .replacingOccurrences(of: "”", with: "\"")
        return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when the first finite verb of `clause` (parsed as a sentence) is in the past tense, false when in the
    /// present, `nil` when the parser does not link it.
    func isPast(_ clause: String) -> Bool? {
        // The verb its subject links to, not the first verb-like word ("concerns linked to them is …" is present).
        guard let verb = subjectVerb(clause + ".") else { return nil }
        let w = verb.word.lowercased()
        if ["is", "are", "am", "has", "have", "do", "does", "can", "will", "may", "must", "shall"].contains(w) { return false }
        if ["was", "were", "had", "did", "could", "would", "might", "should"].contains(w) {
            return ["could", "would", "might", "should"].contains(w) ? nil : true
        }
        return verb.tag.hasPrefix("v-d") ? true : false
    }

    /// Past participles that differ from the simple past of the participle verbs above.
    static let pastParticiples = ["gave": "given"]

    /// "has"/"had" when the verb the subject links to is a perfect auxiliary ("Spending has been on the rise"), for
    /// the "This has caused …" that continues it; `nil` otherwise. "This" is singular, so "have" becomes "has".
    func perfectAuxiliary(_ clause: String) -> String? {
        guard let parse = grammar?.linkage(Self.plain(clause + ".")),
              let link = parse.links.first(where: { $0.label.hasPrefix("S") && !$0.label.hasPrefix("SJ") }),
              link.right < parse.words.count else { return nil }
        let token = parse.words[link.right]
        let word = String(token.prefix { $0 != "." }).lowercased()
        guard ["has", "have", "had"].contains(word),
              parse.links.contains(where: { $0.left == link.right && $0.label.hasPrefix("PP") }) else { return nil }
        return word == "had" ? "had" : "has"
    }

    /// The verb of the first subject–verb link of `sentence` (an `S…` link; `SJ…` is a conjunction), or `nil`.
    func subjectVerb(_ sentence: String) -> TaggedWord? {
        guard let parse = grammar?.linkage(Self.plain(sentence)),
              let link = parse.links.first(where: { $0.label.hasPrefix("S") && !$0.label.hasPrefix("SJ") }),
              link.right < parse.words.count else { return nil }
        let token = parse.words[link.right]
        guard let dot = token.lastIndex(of: "."), dot > token.startIndex else { return TaggedWord(word: token, tag: "") }
        return TaggedWord(word: String(token[..<dot]), tag: String(token[token.index(after: dot)...]))
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
