import Foundation
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneGrammar

/// Replaces tell words and phrases with the plain forms in `plain-words.tsv`, matching whole words without regard
/// to case or apostrophe style, and keeping a capital where the original had one.
struct PhraseReplacer {
    let pairs: [(tell: String, plain: String)]

    init(lexicon: DetectionLexicon, habitual: Set<String>) {
        pairs = lexicon.plainWords.filter { !habitual.contains($0.tell.trimmingCharacters(in: .whitespaces)) }
    }

    /// The sentence with replacements applied, and how many were made.
    func apply(_ sentence: String) -> (String, Int) {
        var text = sentence
        var count = 0
        for (tell, plain) in pairs {
            var searchFrom = text.startIndex
            while let r = PhraseReplacer.find(tell, in: text, from: searchFrom) {
                let original = text[r]
                var replacement = plain
                if original.first?.isUppercase == true, let f = replacement.first {
                    replacement = f.uppercased() + replacement.dropFirst()
                }
                // A phrase cut at the start of a sentence leaves the next word to capitalise.
                let atStart = r.lowerBound == text.startIndex
                text.replaceSubrange(r, with: replacement)
                var resume = text.index(r.lowerBound, offsetBy: replacement.count)
                // "an ever-evolving world" → "a changing world": the article follows the new word.
                if let fixed = PhraseReplacer.fixArticle(in: text, before: r.lowerBound) {
                    resume = fixed.index(fixed.startIndex, offsetBy: text.distance(from: text.startIndex, to: resume) + fixed.count - text.count)
                    text = fixed
                }
                if atStart && replacement.isEmpty, let first = text.first {
                    text.replaceSubrange(text.startIndex...text.startIndex, with: first.uppercased())
                }
                searchFrom = resume
                count += 1
            }
        }
        return (text, count)
    }

    /// Like ``apply(_:)``, one replacement at a time, keeping only those that leave the words of a multi-word name
    /// alone (a capitalised match inside the sentence, or one next to a capitalised word) and, with a parser, keep
    /// the word class the parser gave the original word ("showcase" as a noun stays a noun).
    func apply(_ sentence: String, keepingClassWith grammar: LinkGrammar?) -> (String, Int) {
        var text = sentence
        var count = 0
        let originalClasses = grammar?.wordClasses(SentenceShaper.plain(sentence))
        for (tell, plain) in pairs {
            var searchFrom = text.startIndex
            while let r = PhraseReplacer.find(tell, in: text, from: searchFrom) {
                if PhraseReplacer.touchesName(r, in: text) || PhraseReplacer.repeats(plain, around: r, in: text) {
                    searchFrom = r.upperBound
                    continue
                }
                let offset = text.distance(from: text.startIndex, to: r.lowerBound)
                var replacement = plain
                if text[r].first?.isUppercase == true, let f = replacement.first {
                    replacement = f.uppercased() + replacement.dropFirst()
                }
                var candidate = text
                candidate.replaceSubrange(r, with: replacement)
                let at = candidate.index(candidate.startIndex, offsetBy: offset)
                if let fixed = PhraseReplacer.fixArticle(in: candidate, before: at) { candidate = fixed }
                if offset == 0, replacement.isEmpty, let first = candidate.first {
                    candidate.replaceSubrange(candidate.startIndex...candidate.startIndex, with: first.uppercased())
                }
                if let grammar, let originalClasses, !tell.contains(" "), !plain.contains(" "), !plain.isEmpty {
                    let before = originalClasses.first { $0.word.lowercased() == tell.lowercased() }?.wordClass
                    let after = grammar.wordClasses(SentenceShaper.plain(candidate))?
                        .first { $0.word.lowercased() == plain.lowercased() }?.wordClass
                    if let before, before != after {
                        searchFrom = r.upperBound
                        continue
                    }
                }
                // Only the first occurrence was wanted here; the rest of the text is re-searched after it.
                text = candidate
                count += 1
                searchFrom = text.index(text.startIndex, offsetBy: min(offset + replacement.count, text.count))
            }
        }
        return (text, count)
    }

    init(pairs: [(tell: String, plain: String)]) {
        self.pairs = pairs
    }

    /// A capitalised match that does not open the sentence, or one followed by another capitalised word
    /// ("Delve Analytics"), is part of a name.
    static func touchesName(_ r: Range<String.Index>, in text: String) -> Bool {
        guard text[r].first?.isUppercase == true else { return false }
        let atStart = text[..<r.lowerBound].allSatisfy { !$0.isLetter }
        if !atStart { return true }
        let next = text[r.upperBound...].split(separator: " ").first
        return next?.first?.isUppercase == true && next != "I"
    }

    /// Whether the plain form's words already stand elsewhere in the sentence: "fosters collaboration, builds trust"
    /// must not become "builds collaboration, builds trust". The tell is then left for the writer to reword.
    static func repeats(_ plain: String, around r: Range<String.Index>, in text: String) -> Bool {
        let words = { (t: Substring) in
            Set(t.lowercased().split { !($0.isLetter || $0 == "'" || $0 == "’") }.map(String.init))
        }
        let others = words(text[..<r.lowerBound]).union(words(text[r.upperBound...]))
        let small: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "as", "is", "be"]
        return words(Substring(plain)).subtracting(small).contains { others.contains($0) }
    }

    /// Makes "a"/"an" just before `position` agree with the word at `position`; nil when nothing changes.
    static func fixArticle(in text: String, before position: String.Index) -> String? {
        guard position > text.startIndex, text[text.index(before: position)] == " " else { return nil }
        let spaceIndex = text.index(before: position)
        let head = text[..<spaceIndex]
        let articleStart = head.lastIndex(where: { $0 == " " || $0 == "\n" }).map { text.index(after: $0) } ?? text.startIndex
        let article = String(text[articleStart..<spaceIndex])
        guard ["a", "an", "A", "An"].contains(article), let next = text[position...].first else { return nil }
        let vowel = "aeiouAEIOU".contains(next)
        let wanted = article.first!.isUppercase ? (vowel ? "An" : "A") : (vowel ? "an" : "a")
        guard wanted != article else { return nil }
        var out = text
        out.replaceSubrange(articleStart..<spaceIndex, with: wanted)
        return out
    }

    /// A whole-word, case-insensitive match of `phrase` (straight or curly apostrophes) at or after `from`.
    static func find(_ phrase: String, in text: String, from: String.Index) -> Range<String.Index>? {
        var start = from
        while start < text.endIndex {
            guard let r = text.range(of: phrase, options: [.caseInsensitive], range: start..<text.endIndex)
                    ?? text.range(of: phrase.replacingOccurrences(of: "'", with: "’"), options: [.caseInsensitive],
                                  range: start..<text.endIndex) else { return nil }
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            let lastIsWord = phrase.last.map { $0.isLetter || $0.isNumber } ?? false
            let okBefore = before.map { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "'") } ?? true
            let okAfter = !lastIsWord || (after.map { !($0.isLetter || $0.isNumber || $0 == "-") } ?? true)
            if okBefore && okAfter { return r }
            start = text.index(after: r.lowerBound)
        }
        return nil
    }
}
