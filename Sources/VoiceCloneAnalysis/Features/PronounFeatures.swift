/// Which grammatical persons the writer writes in, per 1,000 words (forms and contractions included: I, me, my, I'm…).
public struct PronounFeatures: Codable, Sendable, Equatable {
    public var firstSingular: Double
    public var firstPlural: Double
    public var second: Double
    public var thirdSingular: Double
    public var thirdPlural: Double

    init(_ v: VocabularyMeasures) {
        firstSingular = Stats.per1000(v.firstSingular, v.words)
        firstPlural = Stats.per1000(v.firstPlural, v.words)
        second = Stats.per1000(v.second, v.words)
        thirdSingular = Stats.per1000(v.thirdSingular, v.words)
        thirdPlural = Stats.per1000(v.thirdPlural, v.words)
    }
}
