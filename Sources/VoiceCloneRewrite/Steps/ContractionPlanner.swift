import Foundation

/// Contracts "it is", "do not", "cannot", "we are"… toward the writer's rate, site by site, where contracting is
/// safe: never inside quotation marks, never on a capitalised word inside a sentence (a title or a name: "It Is
/// What It Is"), never where the expansion ends a clause ("that is," "as it is." "it is not."), where the full
/// form carries the stress; "let us" only as the opening "Let us consider…", never "let us know".
struct ContractionPlanner {
    static let forms: [(expanded: [String], contracted: String)] = [
        (["it", "is"], "it's"), (["that", "is"], "that's"), (["there", "is"], "there's"), (["here", "is"], "here's"),
        (["what", "is"], "what's"), (["he", "is"], "he's"), (["she", "is"], "she's"),
        (["i", "am"], "I'm"), (["we", "are"], "we're"), (["they", "are"], "they're"), (["you", "are"], "you're"),
        (["i", "will"], "I'll"), (["we", "will"], "we'll"), (["you", "will"], "you'll"), (["they", "will"], "they'll"),
        (["do", "not"], "don't"), (["does", "not"], "doesn't"), (["did", "not"], "didn't"),
        (["is", "not"], "isn't"), (["are", "not"], "aren't"), (["was", "not"], "wasn't"), (["were", "not"], "weren't"),
        (["have", "not"], "haven't"), (["has", "not"], "hasn't"), (["had", "not"], "hadn't"),
        (["will", "not"], "won't"), (["would", "not"], "wouldn't"), (["should", "not"], "shouldn't"),
        (["could", "not"], "couldn't"), (["cannot"], "can't"), (["let", "us"], "let's"),
        (["he", "will"], "he'll"), (["she", "will"], "she'll"), (["it", "will"], "it'll"),
        (["i", "would"], "I'd"), (["we", "would"], "we'd"), (["you", "would"], "you'd"), (["they", "would"], "they'd"),
        (["he", "would"], "he'd"), (["she", "would"], "she'd"),
        // Auxiliary "have"/"has"/"had" only: the next word must be a past participle (``isParticiple``), so the
        // possessive ("it has a garden", "they have red cars") keeps its full form.
        (["i", "have"], "I've"), (["we", "have"], "we've"), (["you", "have"], "you've"), (["they", "have"], "they've"),
        (["it", "has"], "it's"), (["he", "has"], "he's"), (["she", "has"], "she's"), (["that", "has"], "that's"),
        (["there", "has"], "there's"),
        (["i", "had"], "I'd"), (["we", "had"], "we'd"), (["you", "had"], "you'd"), (["they", "had"], "they'd"),
        (["he", "had"], "he'd"), (["she", "had"], "she'd"),
    ]

    /// Auxiliaries that contract onto a pronoun only before a past participle.
    static let auxiliaries: Set<String> = ["have", "has", "had"]

    /// Past participles that are seldom adjectives before a noun ("it has been", "we have seen").
    static let irregularParticiples: Set<String> = [
        "been", "become", "done", "gone", "seen", "taken", "given", "made", "had", "got", "gotten", "known", "found",
        "thought", "told", "said", "shown", "grown", "brought", "bought", "built", "written", "begun", "come",
        "chosen", "spent", "lost", "won", "met", "heard", "felt", "kept", "left", "led", "meant", "paid", "put",
        "sent", "taught", "understood", "fallen", "risen", "driven", "eaten", "forgotten", "always",
        "never", "already", "just", "often", "also", "recently", "finally", "yet", "ever",
    ]

    /// Function words after which a regular "-ed" word is a verb, not an adjective before its noun ("we have used
    /// the tool" contracts, "we have used cars" does not).
    static let afterVerb: Set<String> = [
        "the", "a", "an", "to", "this", "that", "these", "those", "it", "them", "us", "him", "her", "me", "in", "on",
        "at", "for", "with", "by", "from", "into", "about", "up", "out", "more", "our", "their", "his", "its", "my",
        "your", "some", "many", "much", "all", "every", "each", "no", "so", "as", "over", "through", "what", "how",
    ]

    /// True when `words[i]` reads as a past participle after an auxiliary: an irregular one or an adverb before it
    /// ("we have always …"), or a regular "-ed" word followed by a function word or the end of the clause.
    private static func isParticiple(_ words: [Word], _ i: Int, _ chars: [Character]) -> Bool {
        guard i < words.count else { return false }
        let w = words[i].text.lowercased()
        if irregularParticiples.contains(w) { return true }
        guard w.count >= 4, w.hasSuffix("ed"), !["need", "indeed", "speed", "seed", "feed", "shed"].contains(w) else {
            return false
        }
        let end = words[i].hi
        if end >= chars.count || ",.;:!?".contains(chars[end]) { return true }
        guard i + 1 < words.count else { return true }
        return afterVerb.contains(words[i + 1].text.lowercased())
    }

    /// One place a contraction can go: the character range of the expansion and what replaces it.
    struct Site: Equatable {
        var range: Range<Int>
        var replacement: String
    }

    /// A word of the sentence with its character offsets.
    private struct Word {
        var text: String
        var lo: Int
        var hi: Int
    }

    /// The safe sites of `sentence`, in order, not overlapping.
    static func sites(in sentence: String) -> [Site] {
        let chars = Array(sentence)
        var words: [Word] = []
        var i = 0
        while i < chars.count {
            if chars[i].isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                words.append(Word(text: String(chars[i..<j]), lo: i, hi: j))
                i = j
            } else {
                i += 1
            }
        }
        let curly = sentence.contains("’")
        var out: [Site] = []
        var w = 0
        while w < words.count {
            var matched = false
            for form in forms where w + form.expanded.count <= words.count {
                let span = words[w..<(w + form.expanded.count)]
                guard zip(span, form.expanded).allSatisfy({ $0.text.lowercased() == $1 }) else { continue }
                // Adjacent words, one space apart, no apostrophe glued on ("it is" of "it is'").
                var adjacent = true
                for k in span.indices.dropFirst() where !(words[k].lo == words[k - 1].hi + 1 && chars[words[k - 1].hi] == " ") {
                    adjacent = false
                }
                guard adjacent else { continue }
                let first = span.first!, last = span.last!
                if first.lo > 0, chars[first.lo - 1] == "'" || chars[first.lo - 1] == "’" || chars[first.lo - 1] == "-" { continue }
                if last.hi < chars.count, chars[last.hi] == "'" || chars[last.hi] == "’" || chars[last.hi] == "-" { continue }
                // Capitals: only the sentence's first word (or "I") may carry one.
                let atStart = !chars[..<first.lo].contains { $0.isLetter || $0.isNumber }
                var capitalOK = true
                for (k, word) in span.enumerated() {
                    let upper = word.text.first?.isUppercase == true
                    if upper, !(k == 0 && atStart), word.text != "I" { capitalOK = false }
                    if word.text.count > 1, word.text.dropFirst().contains(where: \.isUppercase) { capitalOK = false }
                }
                guard capitalOK else { continue }
                // Inside quotation marks: an odd number of straight quotes, or an open curly one, before it.
                let before = chars[..<first.lo]
                let straight = before.filter { $0 == "\"" }.count
                let open = before.filter { $0 == "“" }.count - before.filter { $0 == "”" }.count
                guard straight % 2 == 0, open <= 0 else { continue }
                // The next word must follow directly after a space: a clause end keeps the full, stressed form.
                let nextIndex = w + form.expanded.count
                guard nextIndex < words.count, words[nextIndex].lo == last.hi + 1, chars[last.hi] == " " else { continue }
                let next = words[nextIndex].text.lowercased()
                // "it is not." / "it is not, …": the "not" carries the stress; leave the whole thing.
                if next == "not" {
                    let afterNot = words[nextIndex].hi
                    guard nextIndex + 1 < words.count, words[nextIndex + 1].lo == afterNot + 1, chars[afterNot] == " " else { continue }
                }
                // "we will not" → "we won't", never "we'll not": the negative takes the contraction.
                if next == "not", form.expanded.count == 2,
                   ["will", "would", "have", "has", "had"].contains(form.expanded[1]) { continue }
                if form.expanded.count == 2, auxiliaries.contains(form.expanded[1]),
                   !isParticiple(words, nextIndex, chars) { continue }
                if form.contracted == "let's", !(atStart && next != "know" && next != "me") { continue }
                var replacement = form.contracted
                if first.text.first?.isUppercase == true, let c = replacement.first {
                    replacement = c.uppercased() + replacement.dropFirst()
                }
                if curly { replacement = replacement.replacingOccurrences(of: "'", with: "’") }
                out.append(Site(range: first.lo..<last.hi, replacement: replacement))
                w += form.expanded.count
                matched = true
                break
            }
            if !matched { w += 1 }
        }
        return out
    }

    /// Contractions already in the text ("don't", "it's"), counted the way the sites are written.
    static func contractedCount(in text: String) -> Int {
        let lower = text.lowercased().replacingOccurrences(of: "’", with: "'")
        var n = 0
        // "it's" stands for "it is" and "it has": each written form is counted once.
        for contracted in Set(forms.map { $0.contracted.lowercased() }) {
            var from = lower.startIndex
            while let r = lower.range(of: contracted, range: from..<lower.endIndex) {
                let okBefore = r.lowerBound == lower.startIndex || !lower[lower.index(before: r.lowerBound)].isLetter
                let okAfter = r.upperBound == lower.endIndex || !lower[r.upperBound].isLetter
                if okBefore && okAfter { n += 1 }
                from = r.upperBound
            }
        }
        return n
    }

    /// `sentence` with the sites whose numbers `chosen` accepts contracted; `next` numbers the sites across a text.
    static func apply(_ sentence: String, next: inout Int, chosen: (Int) -> Bool) -> String {
        var chars = Array(sentence)
        var edits: [Site] = []
        for site in sites(in: sentence) {
            if chosen(next) { edits.append(site) }
            next += 1
        }
        for site in edits.reversed() { chars.replaceSubrange(site.range, with: Array(site.replacement)) }
        return String(chars)
    }

    /// How many of `sites` to contract so the text moves to the writer's rate: no more than their rate per 1,000
    /// words calls for, and no more than their share of contractible places they contract. Zero for a writer who
    /// contracts fewer than half of the places they could (the rewrite then adds none).
    static func wanted(sites: Int, existing: Int, words: Int, ratePerThousand: Double, share: Double?) -> Int {
        guard sites > 0, let share, share >= 0.5 else { return 0 }
        let byRate = Int((ratePerThousand * Double(words) / 1000).rounded()) - existing
        let byShare = Int((share * Double(sites + existing)).rounded()) - existing
        return max(0, min(sites, byRate, byShare))
    }

    /// True for the `k`-th of `total` sites when `n` of them are to be contracted, spread evenly through the text.
    static func spread(_ k: Int, of total: Int, n: Int) -> Bool {
        guard total > 0, n > 0 else { return false }
        return (k + 1) * n / total > k * n / total
    }
}
