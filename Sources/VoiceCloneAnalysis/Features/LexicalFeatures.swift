/// Word choice: how long, how varied, how dense with content, how informal.
public struct LexicalFeatures: Codable, Sendable, Equatable {
    /// Mean letters (and digits) per word.
    public var meanWordLength: Double
    /// Moving-average type-token ratio over windows of `mattr_window` words (Covington & McFall 2010): vocabulary
    /// richness that, unlike the plain type-token ratio, does not fall as texts get longer.
    public var mattr: Double
    public var mattrWindow: Int
    /// Distinct words.
    public var types: Int
    /// Share of distinct words used exactly once.
    public var hapaxRatio: Double
    /// Share of words that are content words (not function words).
    public var lexicalDensity: Double
    /// Contractions ("don't", "it's", "we'll") per 1,000 words.
    public var contractionsPerThousand: Double
    /// Share of words of seven letters or more.
    public var longWordShare: Double

    init(_ c: CorpusCounts, _ v: VocabularyMeasures, window: Int) {
        meanWordLength = Stats.share(v.letters, v.words)
        mattr = Stats.share(c.mattrTypes, c.mattrWords)
        mattrWindow = window
        types = v.types
        hapaxRatio = Stats.share(v.hapax, v.types)
        lexicalDensity = Stats.share(v.words - v.functionWords, v.words)
        contractionsPerThousand = Stats.per1000(v.contractions, v.words)
        longWordShare = Stats.share(v.longWords, v.words)
    }
}
