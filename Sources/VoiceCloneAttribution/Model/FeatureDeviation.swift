/// How far one feature of a text sits from a voice, in the voice's own standard deviations
/// (at the text's length). The raw material for plain-language advice such as
/// "your sentences run 40% longer than Alice's".
public struct FeatureDeviation: Codable, Sendable, Equatable {
    /// The word, the character n-gram in quotes (`_` is a space), or the style label.
    public var feature: String
    public var family: FeatureFamily
    /// Set for style features, so callers can phrase each one.
    public var styleFeature: StyleFeature?
    /// Rates per 1,000 tokens for words and n-grams; in the label's unit for style features.
    public var textRate: Double
    public var cloneRate: Double
    /// (text − clone) / the clone's spread; positive means the text has more of it.
    public var z: Double

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(feature, forKey: .feature)
        try container.encode(family, forKey: .family)
        try container.encodeIfPresent(styleFeature, forKey: .styleFeature)
        try container.encode(Rounding.fixed(textRate, 3), forKey: .textRate)
        try container.encode(Rounding.fixed(cloneRate, 3), forKey: .cloneRate)
        try container.encode(Rounding.fixed(z, 2), forKey: .z)
    }
}
