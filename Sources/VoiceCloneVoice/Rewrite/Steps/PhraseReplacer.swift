import Foundation

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
                let resume = text.index(r.lowerBound, offsetBy: replacement.count)
                if atStart && replacement.isEmpty, let first = text.first {
                    text.replaceSubrange(text.startIndex...text.startIndex, with: first.uppercased())
                }
                searchFrom = resume
                count += 1
            }
        }
        return (text, count)
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
