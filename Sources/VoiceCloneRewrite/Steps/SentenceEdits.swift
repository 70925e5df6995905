import Foundation
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneGrammar

/// Small, meaning-keeping edits to one sentence: opening connectives, dashes and the Oxford comma. Splits and joins
/// are `SentenceShaper`'s (VoiceCloneGeneration), which asks the link grammar parser first.
enum SentenceEdits {
    /// Drops an opening connective such as "Moreover, " and capitalises what follows.
    static func dropOpeningTransition(_ sentence: String, lexicon: DetectionLexicon, habitual: Set<String>) -> String? {
        let words = sentence.split(separator: " ", maxSplits: 4).map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        guard let t = lexicon.transitions.prefix(of: words), SentenceFlagger.strongTransitions.contains(t),
              !habitual.contains(t) else { return nil }
        // Only when the connective is set off by a comma ("Moreover, it …"): "Overall results …" is not one.
        let length = t.count
        guard sentence.count > length + 2 else { return nil }
        let afterPhrase = sentence.index(sentence.startIndex, offsetBy: length)
        guard sentence[afterPhrase] == "," else { return nil }
        var rest = sentence[sentence.index(after: afterPhrase)...].drop(while: { $0 == " " })
        guard let first = rest.first else { return nil }
        rest = Substring(first.uppercased()) + rest.dropFirst()
        return String(rest)
    }

    /// "is not just a skill, but a journey" → "is a skill and a journey": the contrast set up only to knock down
    /// goes, both halves stay.
    static func unwindNotJustBut(_ sentence: String) -> String? {
        let range = NSRange(sentence.startIndex..., in: sentence)
        guard notJustBut.firstMatch(in: sentence, range: range) != nil else { return nil }
        let out = notJustBut.stringByReplacingMatches(in: sentence, range: range, withTemplate: "$2 and ")
        return out == sentence ? nil : out
    }

    private static let notJustBut = try! NSRegularExpression(
        pattern: #"\b[Nn]ot (just|only|merely|simply) ([^,;.!?]{1,60}?),? but (also )?"#)

    /// Replaces em dashes with commas (a pair around an aside) or a colon (a single dash before an explanation),
    /// for writers who do not use dashes.
    static func replaceDashes(_ sentence: String) -> String? {
        guard sentence.contains("—") || sentence.contains(" -- ") else { return nil }
        var s = sentence.replacingOccurrences(of: " -- ", with: " — ")
        let count = s.filter { $0 == "—" }.count
        var replaced = 0
        while let r = s.range(of: "—") {
            var lo = r.lowerBound, hi = r.upperBound
            while lo > s.startIndex, s[s.index(before: lo)] == " " { lo = s.index(before: lo) }
            while hi < s.endIndex, s[hi] == " " { hi = s.index(after: hi) }
            let mark = count == 1 ? ": " : ", "
            s.replaceSubrange(lo..<hi, with: mark)
            replaced += 1
        }
        return replaced > 0 ? s : nil
    }

    /// The first "and"/"or" the parser reads as closing a list of three or more (a list comma, ",.j", linked to it),
    /// as the word and which occurrence of it in the sentence it is (0 for the first " and ").
    static func certifiedListConjunction(_ sentence: String, grammar: LinkGrammar) -> (word: String, index: Int)? {
        guard let parse = grammar.linkage(SentenceShaper.plain(sentence)) else { return nil }
        func base(_ w: String) -> String {
            guard let dot = w.lastIndex(of: "."), dot > w.startIndex else { return w }
            return String(w[..<dot]).lowercased()
        }
        for k in parse.words.indices where ["and", "or"].contains(base(parse.words[k])) && parse.words[k].contains(".j") {
            let listed = parse.links.contains { link in
                link.label.hasPrefix("SJ") && link.right == k && link.left < k && parse.words[link.left] == ",.j"
            }
            guard listed else { continue }
            let word = base(parse.words[k])
            // Occurrences inside the sentence (" and "), so an opening "And" is not counted.
            let index = k > 2 ? parse.words[2..<k].filter { base($0) == word }.count : 0
            return (word, index)
        }
        return nil
    }

    /// Adds or removes the comma before the last item of a list of three or more, to the writer's habit.
    ///
    /// - Parameter grammar: when given, a comma is added only if the parser reads a comma of the sentence as a list
    ///   conjunction: "positive impacts, particularly in detecting and addressing issues" looks like "X, Y and Z"
    ///   to the pattern, but is two coordinated verbs after an aside, and a comma there reads as a mistake.
    static func oxfordComma(_ sentence: String, use: Bool, grammar: LinkGrammar? = nil) -> String? {
        guard SignalMeter.triads(in: sentence.lowercased(), longerLists: true) > 0 else { return nil }
        // With the parser, a comma goes only before the conjunction it certifies as closing a list of three or
        // more: a list comma (",.j") linked straight to that "and"/"or". "The storm, which was strong, damaged
        // pedestrians and drivers" has commas and a conjunction, but the conjunction joins two items and the
        // commas mark an aside; a comma there ("pedestrians, and drivers") reads as a mistake.
        if use, let grammar {
            guard let ordinal = certifiedListConjunction(sentence, grammar: grammar) else { return nil }
            var seen = 0
            var from = sentence.startIndex
            while let r = sentence.range(of: " " + ordinal.word + " ", range: from..<sentence.endIndex) {
                if seen == ordinal.index {
                    let before = sentence[..<r.lowerBound]
                    guard !before.hasSuffix(","), let comma = before.lastIndex(of: ","),
                          before[before.index(after: comma)...].split(separator: " ").count <= 5 else { return nil }
                    var s = sentence
                    s.replaceSubrange(r, with: ", " + ordinal.word + " ")
                    return s
                }
                seen += 1
                from = r.upperBound
            }
            return nil
        }
        // Taking a comma out needs the same certificate: the comma closing an aside before "and" ("between dropout
        // training, a popular technique, and approximate inference") is not a list's, and without it the aside is
        // left open.
        if !use, let grammar {
            guard let ordinal = certifiedListConjunction(sentence, grammar: grammar) else { return nil }
            var seen = 0
            var from = sentence.startIndex
            while let r = sentence.range(of: " " + ordinal.word + " ", range: from..<sentence.endIndex) {
                if seen == ordinal.index {
                    guard r.lowerBound > sentence.startIndex, sentence[sentence.index(before: r.lowerBound)] == "," else { return nil }
                    var s = sentence
                    s.remove(at: sentence.index(before: r.lowerBound))
                    return s
                }
                seen += 1
                from = r.upperBound
            }
            return nil
        }
        if use {
            // "X, Y and Z" → "X, Y, and Z": the first " and "/" or " that closes a list (within five words of the
            // comma before it).
            for conj in [" and ", " or "] {
                var from = sentence.startIndex
                while let r = sentence.range(of: conj, range: from..<sentence.endIndex) {
                    let before = sentence[..<r.lowerBound]
                    // A comma already there ("milk, and") is the habit met, not a place for a second one.
                    if !before.hasSuffix(","), let comma = before.lastIndex(of: ","),
                       before[before.index(after: comma)...].split(separator: " ").count <= 5,
                       SignalMeter.triads(in: String(sentence[..<r.upperBound]).lowercased() + "x", longerLists: true) > 0 {
                        var s = sentence
                        s.replaceSubrange(r, with: "," + conj)
                        return s
                    }
                    from = r.upperBound
                }
            }
            return nil
        } else {
            // The list's closing ", and"/", or": the first one within five words of the comma before it. Only one per
            // sentence: a later ", and" is usually a clause joint ("…, and tanh, and found that…") and keeps its comma.
            var first: Range<String.Index>?
            for conj in [", and ", ", or "] {
                var from = sentence.startIndex
                while let r = sentence.range(of: conj, range: from..<sentence.endIndex) {
                    let before = sentence[..<r.lowerBound]
                    if let comma = before.lastIndex(of: ","),
                       before[before.index(after: comma)...].split(separator: " ").count <= 5,
                       SignalMeter.triads(in: String(sentence[..<r.upperBound]).lowercased() + "x", longerLists: true) > 0 {
                        if first == nil || r.lowerBound < first!.lowerBound { first = r }
                        break
                    }
                    from = r.upperBound
                }
            }
            guard let first else { return nil }
            var s = sentence
            s.replaceSubrange(first, with: String(sentence[first].dropFirst()))
            return s
        }
    }
}
