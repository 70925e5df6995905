import Foundation

/// The words and phrases one writer should be warned off: every entry of the detector's lists (tell words and
/// phrases, hedges, signposts, sentence-opening transitions, the tells with plain replacements) minus the ones
/// this writer uses in their own samples (the baseline's habitual phrases).
///
/// It is built by one function, ``DetectionBaseline/avoidList(lexicon:)``, from the same habitual set the
/// detector forgives in `detect --clone` and `generate --refine`: the prompt warns a model about exactly what
/// will be flagged, and never tells a writer who says "vibrant" to stop saying it.
public struct AvoidList: Sendable, Equatable {
    /// Single tell words, in list order.
    public var words: [String]
    /// Multi-word tell phrases, hedges and signposts, in list order, duplicates removed.
    public var phrases: [String]
    /// Sentence-opening connectives the detector counts when they are stacked.
    public var openers: [String]
    /// Plain replacements for entries of `words` and `phrases` that have one.
    public var plain: [String: String]
    /// Listed entries left out because the writer uses them.
    public var writerUses: [String]

    public init(words: [String], phrases: [String], openers: [String], plain: [String: String], writerUses: [String]) {
        self.words = words
        self.phrases = phrases
        self.openers = openers
        self.plain = plain
        self.writerUses = writerUses
    }

    /// Whether `entry` (lowercase) is something this writer is told to avoid.
    public func contains(_ entry: String) -> Bool {
        let key = DetectionList.normalize(entry)
        return words.contains(key) || phrases.contains(key) || openers.contains(key)
    }

    /// Every entry, for counting and tests.
    public var all: [String] { words + phrases + openers }
}

extension DetectionBaseline {
    /// The writer's avoid-list: `lexicon`'s entries minus this baseline's habitual phrases. The one place the
    /// list is built; the prompt, `rewrite`'s instructions and the refine feedback all call it.
    public func avoidList(lexicon: DetectionLexicon) -> AvoidList {
        AvoidList.build(lexicon: lexicon, habitual: habitualPhrases)
    }

    /// The listed phrases a writer uses in two or more of their samples, without building a whole baseline
    /// (the prompt needs them before the judges are built).
    public static func habitualPhrases(samples: [String], detector: Detector) -> Set<String> {
        var samplesUsing: [String: Int] = [:]
        for measured in detector.measure(samples) {
            for phrase in measured.listedPhrases { samplesUsing[phrase, default: 0] += 1 }
        }
        return Set(samplesUsing.filter { $0.value >= 2 }.keys)
    }
}

extension AvoidList {
    /// `lexicon`'s entries minus `habitual`. An entry is left out when the writer uses it, or, for a phrase, when
    /// it contains a word they use habitually ("vibrant" used means "a vibrant community" is not forbidden either).
    public static func build(lexicon: DetectionLexicon, habitual: Set<String>) -> AvoidList {
        let habitualWords = Set(habitual.filter { !$0.contains(" ") })
        var used = Set<String>()
        func keep(_ entry: String) -> Bool {
            let entry = entry.trimmingCharacters(in: .whitespaces)
            if habitual.contains(entry) { used.insert(entry); return false }
            let parts = entry.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if parts.count > 1, parts.contains(where: habitualWords.contains) { used.insert(entry); return false }
            return true
        }
        func entries(_ name: String) -> [String] {
            (lexicon.lists[name]?.entries ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var seen = Set<String>()
        var words: [String] = [], phrases: [String] = []
        let tellsWithPlain = lexicon.plainWords.map { $0.tell.trimmingCharacters(in: CharacterSet(charactersIn: " ,")) }
        for entry in entries("tell-words") + entries("tell-phrases") + tellsWithPlain + entries("hedges") + entries("signposts")
        where keep(entry) && seen.insert(entry).inserted {
            if entry.contains(" ") { phrases.append(entry) } else { words.append(entry) }
        }
        var openers: [String] = []
        for entry in entries("transitions") where keep(entry) && seen.insert(entry).inserted { openers.append(entry) }
        var plain: [String: String] = [:]
        for (tell, replacement) in lexicon.plainWords {
            let key = tell.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            let value = replacement.trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
            if seen.contains(key), !value.isEmpty { plain[key] = value }
        }
        return AvoidList(words: words, phrases: phrases, openers: openers, plain: plain, writerUses: used.sorted())
    }
}
