/// Word frequencies of general English: the 5,000 most frequent words per wordfreq 3.1.1 (Speer, 2022; data
/// CC-BY-SA 4.0), which blends subtitles, news, books, Wikipedia, web text and social media.
enum GeneralEnglish {
    /// Words in frequency order with their rate per million words.
    static let ranked: [(word: String, perMillion: Double)] = ResourceFile.lines("english-word-frequencies", "tsv").compactMap {
        let f = $0.split(separator: "\t")
        guard f.count == 2, let r = Double(f[1]) else { return nil }
        return (String(f[0]), r)
    }

    static let perMillion: [String: Double] = Dictionary(ranked.map { ($0.word, $0.perMillion) }, uniquingKeysWith: { a, _ in a })

    /// The rate assumed for a word outside the list: half the rarest listed rate.
    static let floorPerMillion: Double = (ranked.last?.perMillion ?? 2) / 2
}
