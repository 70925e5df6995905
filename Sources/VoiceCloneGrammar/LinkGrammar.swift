import Foundation
internal import CLinkGrammar

/// Whether a sentence is a full sentence, told by CMU's link grammar parser (the Debian `link-grammar` package)
/// instead of hand-written rules: a sentence passes when the parser links every word with no null links.
///
/// The English dictionary is loaded once per process (about a quarter of a second) and shared. The library keeps
/// global state (its error handler, the dictionary's caches), so every parse runs under one lock; answers are
/// memoised, so checking the same sentence again costs a dictionary lookup.
public final class LinkGrammar: @unchecked Sendable {
    /// Sentences longer than this are not parsed (``SentenceParse/tooLong``): parse time grows steeply with
    /// length, and the independent judge (`fluency.py`) also counts only sentences of 4 to 40 words.
    public let maxWords: Int
    /// Per-sentence limit in seconds given to the parser; a sentence that runs out is ``SentenceParse/timedOut``.
    public let maxSeconds: Int

    private let lock = NSLock()
    private let dictionary: OpaquePointer
    private let options: OpaquePointer
    /// Each sentence's verdict and the text the parser linked: the sentence itself, or its
    /// ``dictionaryGapReading(_:)`` when only that links.
    private var memo: [String: (verdict: SentenceParse, reading: String)] = [:]

    /// The process-wide English parser, loaded on first use.
    /// - Throws: ``GrammarError/dictionaryUnavailable(_:)`` when the English dictionary is not installed.
    public static func english() throws -> LinkGrammar {
        try shared.get()
    }

    private static let shared: Result<LinkGrammar, GrammarError> = Result { try LinkGrammar(maxWords: 40, maxSeconds: 5) }
        .mapError { $0 as? GrammarError ?? .dictionaryUnavailable("\($0)") }

    private init(maxWords: Int, maxSeconds: Int) throws {
        voiceclone_lg_silence()
        guard let dictionary = dictionary_create_lang("en") else {
            throw GrammarError.dictionaryUnavailable(
                "the link grammar English dictionary could not be loaded; install the Debian packages "
                    + "link-grammar and liblink-grammar-dev (scripts/install-deps.sh)")
        }
        guard let options = parse_options_create() else {
            dictionary_delete(dictionary)
            throw GrammarError.dictionaryUnavailable("link grammar could not create its parse options")
        }
        parse_options_set_verbosity(options, 0)
        parse_options_set_min_null_count(options, 0)
        parse_options_set_max_null_count(options, 0)
        parse_options_set_islands_ok(options, false)
        parse_options_set_spell_guess(options, 0)
        parse_options_set_linkage_limit(options, 100)
        parse_options_set_repeatable_rand(options, true)
        parse_options_set_max_parse_time(options, Int32(maxSeconds))
        self.dictionary = dictionary
        self.options = options
        self.maxWords = maxWords
        self.maxSeconds = maxSeconds
    }

    deinit {
        parse_options_delete(options)
        dictionary_delete(dictionary)
    }

    /// True when `sentence` links completely (no null links). Fragments, word salad, sentences over ``maxWords``
    /// and ones that ran out of time are all false.
    public func linksCompletely(_ sentence: String) -> Bool {
        parse(sentence) == .complete
    }

    /// What the parser made of one sentence: complete when it links as written or as its
    /// ``dictionaryGapReading(_:)`` (the one place every check goes through, so the drafter, the rewrite and their
    /// guards all read the dictionary's gaps the same way).
    public func parse(_ sentence: String) -> SentenceParse {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = trimmed.split(whereSeparator: \.isWhitespace).count
        if words == 0 { return .fragment }
        if words > maxWords { return .tooLong }
        if trimmed.utf8.count > 2_000 || trimmed.utf8.contains(0) { return .tooLong }
        lock.lock()
        defer { lock.unlock() }
        return judgedLocked(trimmed).verdict
    }

    /// The verdict on `trimmed` and the text that linked, memoised. The caller holds the lock. When the sentence as
    /// written is a fragment, its ``dictionaryGapReading(_:)`` (if any) is tried: a sentence is complete when
    /// either links, so the reading can only turn a gap in the dictionary into a pass, never fail a sentence.
    private func judgedLocked(_ trimmed: String) -> (verdict: SentenceParse, reading: String) {
        if let known = memo[trimmed] { return known }
        var judged = (verdict: parseLocked(trimmed), reading: trimmed)
        if judged.verdict == .fragment, let reading = Self.dictionaryGapReading(trimmed),
           reading.split(whereSeparator: \.isWhitespace).count <= maxWords, parseLocked(reading) == .complete {
            judged = (.complete, reading)
        }
        if memo.count > 50_000 { memo.removeAll(keepingCapacity: true) }
        memo[trimmed] = judged
        return judged
    }

    /// The sentence with the words the parser's dictionary (link-grammar 5.11) gets wrong read as the words they
    /// mean, or `nil` when it has none. Only for telling a sentence from a fragment: the text itself is never
    /// changed, and ``parse(_:)`` tries this reading only when the sentence as written does not link.
    ///
    /// - "a great many" / "a good many" read as "many": "He had seen a great many winters." fails to link, "He had
    ///   seen many winters." links.
    /// - A negative contraction read as its two words ("haven't" → "have not", "can't" → "cannot", "won't" → "will
    ///   not"), except as the sentence's first word. The dictionary's contracted auxiliaries cannot follow a
    ///   conjunction: "We left and didn't look back." and "She came and hasn't left." fail, "We left and did not
    ///   look back." and "We haven't lost a weekend since." link. A first word is left as written because there the
    ///   two words read differently: "Haven't lost a weekend since." is a fragment, but "Have not lost a weekend
    ///   since." links as a command.
    public static func dictionaryGapReading(_ sentence: String) -> String? {
        var s = sentence
        for (idiom, word) in idioms where s.range(of: idiom, options: .caseInsensitive) != nil {
            s = s.replacingOccurrences(of: idiom, with: word, options: .caseInsensitive)
        }
        var out = ""
        var index = s.startIndex
        while let r = s.range(of: #"\b([A-Za-z]+)n['’]t\b"#, options: .regularExpression, range: index..<s.endIndex) {
            out += s[index..<r.lowerBound]
            index = r.upperBound
            let word = String(s[r])
            // Leading quotation marks or brackets do not count: only a letter before it makes it a later word.
            guard s[..<r.lowerBound].contains(where: \.isLetter),
                  let expanded = negativeContractions[word.lowercased().replacingOccurrences(of: "’", with: "'")] else {
                out += word
                continue
            }
            out += word.first?.isUppercase == true ? expanded.prefix(1).uppercased() + expanded.dropFirst() : expanded
        }
        out += s[index...]
        return out == sentence ? nil : out
    }

    static let idioms: [(String, String)] = [("a great many ", "many "), ("a good many ", "many ")]

    /// Negative contractions and the words they stand for.
    static let negativeContractions: [String: String] = {
        var table = ["can't": "cannot", "won't": "will not", "shan't": "shall not"]
        for verb in ["do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "would", "could", "should",
                     "must", "need", "might", "ought", "dare"] {
            table[verb + "n't"] = verb + " not"
        }
        return table
    }()

    /// The words of a complete parse with the word class the parser chose for each ("showcase" as ``WordClass/verb``
    /// in "we showcase it", as ``WordClass/noun`` in "the showcase"), or `nil` when the sentence does not link
    /// completely. Punctuation and the parser's walls are left out. A sentence that links only as its
    /// ``dictionaryGapReading(_:)`` gives that reading's words ("have", "not" for "haven't").
    public func wordClasses(_ sentence: String) -> [TaggedWord]? {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard parse(trimmed) == .complete else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return taggedLocked(judgedLocked(trimmed).reading)
    }

    /// The word classes of the best parse that leaves as few words unlinked as it can, for text that need not be a
    /// full sentence (a terse note: "pipeline caching, big win for the platform team"). An unlinked word comes back
    /// in brackets with no tag (`[win]`), so a caller reads only the words the parser placed. A complete sentence
    /// gets the same answer as ``wordClasses(_:)``; `nil` when nothing links or the text is over ``maxWords``.
    /// Never use this to judge whether a sentence is complete: that is ``parse(_:)``.
    public func partialWordClasses(_ sentence: String) -> [TaggedWord]? {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        let verdict = parse(trimmed)
        if verdict == .complete { return wordClasses(trimmed) }
        guard verdict == .fragment else { return nil }
        let words = trimmed.split(whereSeparator: \.isWhitespace).count
        lock.lock()
        defer { lock.unlock() }
        // The shared options ask for complete parses; allow unlinked words for this one call only.
        parse_options_set_max_null_count(options, Int32(words))
        defer { parse_options_set_max_null_count(options, 0) }
        return taggedLocked(trimmed)
    }

    /// The words (walls included, as the parser numbers them) and links of the best complete parse, or `nil` when
    /// the sentence does not link completely (of its ``dictionaryGapReading(_:)`` when only that links, as
    /// ``wordClasses(_:)``). A link's label tells number where the dictionary knows it: a subject
    /// link `Ss…`/`Sp…`, an object `Os`/`Op`, a determiner `Ds`/`Dmc` (singular, plural).
    public func linkage(_ sentence: String) -> ParsedLinkage? {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        guard parse(trimmed) == .complete else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return withBestLinkageLocked(judgedLocked(trimmed).reading) { linkage in
            var words: [String] = []
            for index in 0..<linkage_get_num_words(linkage) {
                words.append(linkage_get_word(linkage, index).map { String(cString: $0) } ?? "")
            }
            var links: [ParsedLinkage.Link] = []
            for index in 0..<linkage_get_num_links(linkage) {
                let label = linkage_get_link_label(linkage, index).map { String(cString: $0) } ?? ""
                links.append(.init(left: Int(linkage_get_link_lword(linkage, index)),
                                   right: Int(linkage_get_link_rword(linkage, index)), label: label))
            }
            return ParsedLinkage(words: words, links: links)
        }
    }

    /// Parses `trimmed` with the current options and hands the best linkage to `read`, freeing every C object after;
    /// nil when it does not parse. The caller holds the lock.
    private func withBestLinkageLocked<T>(_ trimmed: String, _ read: (Linkage) -> T) -> T? {
        guard let parsed = sentence_create(trimmed, dictionary) else { return nil }
        defer { sentence_delete(parsed) }
        parse_options_reset_resources(options)
        guard sentence_split(parsed, options) >= 0, sentence_parse(parsed, options) > 0,
              let linkage = linkage_create(0, parsed, options) else { return nil }
        defer { linkage_delete(linkage) }
        return read(linkage)
    }

    private func taggedLocked(_ trimmed: String) -> [TaggedWord]? {
        withBestLinkageLocked(trimmed) { linkage in taggedWords(of: linkage) }
    }

    private func taggedWords(of linkage: Linkage) -> [TaggedWord] {
        var out: [TaggedWord] = []
        for index in 0..<linkage_get_num_words(linkage) {
            guard let raw = linkage_get_word(linkage, index) else { continue }
            let token = String(cString: raw)
            if token == "LEFT-WALL" || token == "RIGHT-WALL" { continue }
            if let dot = token.lastIndex(of: "."), dot > token.startIndex, token.index(after: dot) < token.endIndex {
                let word = String(token[..<dot]), tag = String(token[token.index(after: dot)...])
                out.append(TaggedWord(word: word, tag: tag))
            } else if token.contains(where: { $0.isLetter || $0.isNumber }) {
                out.append(TaggedWord(word: token, tag: ""))
            }
        }
        return out
    }

    private func parseLocked(_ text: String) -> SentenceParse {
        guard let sentence = sentence_create(text, dictionary) else { return .fragment }
        defer { sentence_delete(sentence) }
        parse_options_reset_resources(options)
        if sentence_split(sentence, options) < 0 { return .fragment }
        let found = sentence_parse(sentence, options)
        if parse_options_timer_expired(options) || parse_options_resources_exhausted(options) {
            return found > 0 && sentence_num_valid_linkages(sentence) > 0 ? .complete : .timedOut
        }
        return found > 0 && sentence_num_valid_linkages(sentence) > 0 && sentence_null_count(sentence) == 0
            ? .complete : .fragment
    }
}

/// One complete parse: its words as the parser numbers them (`LEFT-WALL` first, dictionary subscripts kept,
/// "report.n") and the links between them.
public struct ParsedLinkage: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var left: Int
        public var right: Int
        public var label: String
    }
    public var words: [String]
    public var links: [Link]

    /// The grammatical number the links give word `index`: `true` plural, `false` singular, `nil` when no link
    /// says (a proper noun the dictionary guessed, a past-tense verb's subject with no determiner).
    public func isPlural(_ index: Int) -> Bool? {
        var plural = 0, singular = 0
        for link in links where link.left == index || link.right == index {
            let l = link.label
            // Subject of a verb to its right, object or prepositional object to its left, determiner to its left.
            if link.left == index, l.hasPrefix("Ss") || l.hasPrefix("SF") { singular += 1 }
            if link.left == index, l.hasPrefix("Sp") { plural += 1 }
            if link.right == index, l.hasPrefix("Os") || l.hasPrefix("Js") || l.hasPrefix("Ds") || l.hasPrefix("Dmu") {
                singular += 1
            }
            if link.right == index, l.hasPrefix("Op") || l.hasPrefix("Jp") || l.hasPrefix("Dmc") { plural += 1 }
        }
        if plural > 0, singular == 0 { return true }
        if singular > 0, plural == 0 { return false }
        return nil
    }
}

/// The parser's verdict on one sentence.
public enum SentenceParse: String, Sendable, Equatable {
    /// Every word linked: a full sentence.
    case complete
    /// No complete linkage: a fragment, a run-on without joiners, or word salad.
    case fragment
    /// Longer than the parser is asked to judge.
    case tooLong = "too_long"
    /// The parser ran out of its time limit before deciding.
    case timedOut = "timed_out"
}

/// Why the parser cannot be used.
public enum GrammarError: Error, Equatable, CustomStringConvertible {
    case dictionaryUnavailable(String)

    public var description: String {
        switch self {
        case .dictionaryUnavailable(let why): return why
        }
    }
}

/// A word of a parsed sentence and the dictionary subscript the parser gave it (`n`, `v-d`, `a`, ...).
public struct TaggedWord: Sendable, Equatable {
    public var word: String
    public var tag: String

    public init(word: String, tag: String) {
        self.word = word
        self.tag = tag
    }

    /// The coarse class behind the subscript.
    public var wordClass: WordClass {
        switch tag.first {
        case "n"?, "s"?, "p"?, "g"?: return .noun
        case "v"?, "w"?, "q"?: return .verb
        case "a"?: return .adjective
        case "e"?: return .adverb
        default: return .other
        }
    }
}

/// Coarse parts of speech, enough to tell a word swap that changes a noun into a verb.
public enum WordClass: String, Sendable, Equatable {
    case noun, verb, adjective, adverb, other
}
