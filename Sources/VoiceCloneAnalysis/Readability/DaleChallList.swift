/// The Dale-Chall list of about 3,000 words familiar to fourth-graders (as shipped by textstat 0.7.13, MIT licence).
enum DaleChallList {
    static let easy: Set<String> = Set(ResourceFile.lines("dale-chall-easy-words", "txt").map(String.init))

    /// Whether a lowercased word is "difficult": not on the list, even after removing a regular inflection
    /// (plural, past tense, -ing, comparative, -ly), as Chall and Dale (1995) count inflections as familiar.
    static func isDifficult(_ w: String) -> Bool {
        guard let first = w.unicodeScalars.first, first.properties.numericType == nil else { return false }
        if easy.contains(w) { return false }
        if w.utf8.contains(0x2D) { return w.split(separator: "-").contains { isDifficult(String($0)) } }
        // Compare suffixes as bytes: this runs for every distinct word of a clone, and most are not on the list.
        let bytes = Array(w.utf8)
        for (suffix, replacement) in inflectionBytes where bytes.count > suffix.count + 1 && bytes.suffix(suffix.count).elementsEqual(suffix) {
            let stem = String(decoding: bytes.dropLast(suffix.count), as: UTF8.self) + replacement
            if easy.contains(stem) { return false }
        }
        return true
    }

    private static let inflectionBytes: [([UInt8], String)] = inflections.map { (Array($0.0.utf8), $0.1) }

    private static let inflections: [(String, String)] = [
        ("'s", ""), ("s'", ""), ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
        ("ing", ""), ("ing", "e"), ("er", ""), ("er", "e"), ("est", ""), ("est", "e"), ("ly", ""), ("ier", "y"), ("iest", "y"),
    ]
}
