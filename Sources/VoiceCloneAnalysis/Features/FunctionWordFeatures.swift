/// The most frequent words with their relative frequencies: the profile stylometric attribution compares.
public struct FunctionWordFeatures: Codable, Sendable, Equatable {
    /// Share of all words that are function words.
    public var functionWordShare: Double
    /// The most frequent words (function and content alike), by count then alphabetically, with count / words.
    public var mostFrequent: [WordShare]

    init(_ c: CorpusCounts, _ v: VocabularyMeasures, top: Int) {
        functionWordShare = Stats.share(v.functionWords, v.words)
        mostFrequent = Stats.top(c.typeCounts, top).map { WordShare(word: $0.key, share: Stats.share($0.value, c.words)) }
    }
}
