/// Read access to the general-English word frequencies the signature is measured against, for other layers (the
/// detector's lexical-predictability evidence) so the list ships once.
public enum GeneralEnglishFrequency {
    /// A word's rank in general English (0 = most frequent), or nil outside the 5,000 listed words.
    public static func rank(of word: String) -> Int? { ranks[word] }

    /// A listed word's rate per million words, or nil outside the list.
    public static func perMillion(_ word: String) -> Double? { GeneralEnglish.perMillion[word] }

    /// How many words are listed.
    public static var count: Int { GeneralEnglish.ranked.count }

    private static let ranks: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, entry) in GeneralEnglish.ranked.enumerated() where out[entry.word] == nil { out[entry.word] = i }
        return out
    }()
}
