/// Refuses punctuation edits that double a mark: the Oxford-comma rule meeting an existing comma (",,"), a comma
/// before a full stop (",."), two colons, a dash next to a comma.
enum PunctuationGuard {
    static let doubled = [",,", ", ,", ",.", ".,", ";;", "::", ",;", ";,", ",:", ":,", ", —", "— ,", ",—", "—,", "..,", " ,", " ."]

    /// True when `after` has more doubled marks than `before` had.
    static func doublesMark(before: String, after: String) -> Bool {
        for pattern in doubled where occurrences(of: pattern, in: after) > occurrences(of: pattern, in: before) {
            return true
        }
        return false
    }

    static func occurrences(of pattern: String, in text: String) -> Int {
        text.components(separatedBy: pattern).count - 1
    }
}
