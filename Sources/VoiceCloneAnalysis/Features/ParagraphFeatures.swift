/// Paragraph habits: how long, and how often a paragraph is a single sentence (the one-line-paragraph habit).
public struct ParagraphFeatures: Codable, Sendable, Equatable {
    public var count: Int
    public var meanWords: Double
    public var medianWords: Double
    public var meanSentences: Double
    /// Share of paragraphs that are one sentence.
    public var singleSentenceShare: Double

    init(_ c: CorpusCounts) {
        count = c.paragraphWords.count
        meanWords = Stats.mean(c.paragraphWords.map(Double.init))
        medianWords = Stats.percentile(c.paragraphWords.sorted(), 0.5)
        meanSentences = Stats.mean(c.paragraphSentences.map(Double.init))
        singleSentenceShare = Stats.share(c.paragraphSentences.filter { $0 == 1 }.count, count)
    }
}
