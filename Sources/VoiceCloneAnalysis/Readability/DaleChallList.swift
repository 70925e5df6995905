/// The Dale-Chall list of about 3,000 words familiar to fourth-graders (as shipped by textstat 0.7.13, MIT licence).
enum DaleChallList {
    static let easy: Set<String> = Set(ResourceFile.lines("dale-chall-easy-words", "txt").map(String.init))

    /// Whether a lowercased word is "difficult": not on the list, even after removing a regular inflection
    /// (plural, past tense, -ing, comparative, -ly), as Chall and Dale (1995) count inflections as familiar.
    static func isDifficult(_ w: String) -> Bool {
        if w.isEmpty || w.first!.isNumber { return false }
        if easy.contains(w) { return false }
        if w.contains("-") { return w.split(separator: "-").contains { isDifficult(String($0)) } }
        for (suffix, replacement) in inflections where w.hasSuffix(suffix) && w.count > suffix.count + 1 {
            let stem = String(w.dropLast(suffix.count)) + replacement
            if easy.contains(stem) { return false }
        }
        return true
    }

    private static let inflections: [(String, String)] = [
        ("'s", ""), ("s'", ""), ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
        ("ing", ""), ("ing", "e"), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ly", ""), ("ier", "y"), ("iest", "y"),
    ]
}
