import Foundation
import VoiceCloneDetection

/// Small, meaning-keeping edits to one sentence: opening connectives, dashes and the Oxford comma.
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

    /// Adds or removes the comma before the last item of a list of three or more, to the writer's habit.
    static func oxfordComma(_ sentence: String, use: Bool) -> String? {
        guard SignalMeter.triads(in: sentence.lowercased(), longerLists: true) > 0 else { return nil }
        if use {
            // "X, Y and Z" → "X, Y, and Z": the first " and "/" or " that closes a list (within five words of the
            // comma before it).
            for conj in [" and ", " or "] {
                var from = sentence.startIndex
                while let r = sentence.range(of: conj, range: from..<sentence.endIndex) {
                    let before = sentence[..<r.lowerBound]
                    if let comma = before.lastIndex(of: ","),
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
            // Every list's closing ", and"/", or" that follows an earlier comma in the sentence.
            var s = sentence
            var changed = false
            for conj in [", and ", ", or "] {
                var from = s.startIndex
                while let r = s.range(of: conj, range: from..<s.endIndex) {
                    if s[..<r.lowerBound].contains(","), SignalMeter.triads(in: String(s[..<r.upperBound]).lowercased() + "x", longerLists: true) > 0 {
                        s.replaceSubrange(r, with: conj.dropFirst())
                        changed = true
                        from = s.startIndex
                    } else {
                        from = r.upperBound
                    }
                }
            }
            return changed ? s : nil
        }
    }

    /// Splits an overlong sentence at a semicolon or a ", and"/", but"/", so" near its middle.
    static func split(_ sentence: String, longerThan limit: Double) -> String? {
        let words = sentence.split(separator: " ")
        guard Double(words.count) > limit, words.count >= 16 else { return nil }
        var best: (range: Range<String.Index>, keep: String, score: Int)?
        let middle = words.count / 2
        for joint in ["; ", ", and ", ", but ", ", so "] {
            var from = sentence.startIndex
            while let r = sentence.range(of: joint, range: from..<sentence.endIndex) {
                let leftWords = sentence[..<r.lowerBound].split(separator: " ").count
                let rightWords = words.count - leftWords
                if leftWords >= 6, rightWords >= 6 {
                    let distance = abs(leftWords - middle)
                    let keep = joint == ", but " ? "But " : joint == ", so " ? "So " : ""
                    if best == nil || distance < best!.score { best = (r, keep, distance) }
                }
                from = r.upperBound
            }
        }
        guard let best else { return nil }
        let left = sentence[..<best.range.lowerBound]
        var right = String(sentence[best.range.upperBound...])
        if best.keep.isEmpty, let f = right.first { right = f.uppercased() + right.dropFirst() }
        return left + ". " + best.keep + right
    }

    /// Joins two short sentences into one, with a dash for dash-lovers and ", and" otherwise.
    static func join(_ first: String, _ second: String, dash: Bool) -> String? {
        guard let end = first.last, end == ".", !first.hasSuffix("..."), let lead = second.first, lead.isUppercase,
              second.last == "." else { return nil }
        let firstWord = second.prefix { $0 != " " }
        // Keep "I", acronyms and names (a capital inside the word, or a word the sentence would not start with).
        let keepCapital = firstWord == "I" || firstWord.hasPrefix("I'") || firstWord.dropFirst().contains(where: \.isUppercase)
        let body = keepCapital ? second : lead.lowercased() + second.dropFirst()
        return first.dropLast() + (dash ? " — " : ", and ") + body
    }
}
