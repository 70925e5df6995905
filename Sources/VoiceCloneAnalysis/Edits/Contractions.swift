/// The words a contraction stands for ("don't" → do not), for telling a contraction shift from a word choice.
enum Contractions {
    static func expansion(of word: String) -> [String]? {
        let w = EditTokenizer.normalized(word)
        switch w {
        case "can't": return ["can", "not"]
        case "won't": return ["will", "not"]
        case "shan't": return ["shall", "not"]
        case "let's": return ["let", "us"]
        default: break
        }
        let suffixes: [(String, String)] = [("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"),
                                            ("'m", "am"), ("'d", "would"), ("'s", "is")]
        for (suffix, full) in suffixes where w.hasSuffix(suffix) && w.count > suffix.count {
            return [String(w.dropLast(suffix.count)), full]
        }
        return nil
    }

    /// Whether `short` is the contraction of the words `long`.
    static func contracts(_ long: [String], to short: String) -> Bool {
        guard long.count == 2, let expanded = expansion(of: short) else { return false }
        if expanded == long { return true }
        // "it's" is "it is" or "it has"; "I'd" is "I would" or "I had".
        let alternatives = ["is": "has", "would": "had"]
        return expanded[0] == long[0] && alternatives[expanded[1]] == long[1]
    }
}
