/// What sets a writer's vocabulary apart: words and phrases they use far more than others, and common words they avoid.
public struct Signature: Codable, Sendable, Equatable {
    /// The other clones compared with (their slugs, sorted).
    public var comparedWith: [String]
    /// Words used far more than by the other clones (first, when there are any) and than in general English.
    public var distinctiveWords: [SignatureTerm]
    /// 2-4-word phrases used far more than by the other clones, or, with no other clones, the writer's most
    /// frequent phrases that contain a content word.
    public var distinctivePhrases: [SignatureTerm]
    /// Among the 300 most common English words, those the writer uses at under a quarter of the usual rate.
    public var avoidedWords: [SignatureTerm]
}
