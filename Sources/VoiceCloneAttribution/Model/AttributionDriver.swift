/// A feature that pushed the decision towards the best candidate and away from the runner-up.
public struct AttributionDriver: Codable, Sendable, Equatable {
    /// The word, the character n-gram in quotes (`_` is a space), or a style label.
    public var feature: String
    public var family: FeatureFamily
    /// The feature's rate in the text, the best candidate and the runner-up: per 1,000 tokens for
    /// words and n-grams, in the label's unit for style features.
    public var textRate: Double
    public var bestRate: Double
    public var runnerUpRate: Double
    /// How much of the distance gap between runner-up and best this feature accounts for.
    public var contribution: Double

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(feature, forKey: .feature)
        try container.encode(family, forKey: .family)
        try container.encode(Rounding.fixed(textRate, 3), forKey: .textRate)
        try container.encode(Rounding.fixed(bestRate, 3), forKey: .bestRate)
        try container.encode(Rounding.fixed(runnerUpRate, 3), forKey: .runnerUpRate)
        try container.encode(Rounding.fixed(contribution, 5), forKey: .contribution)
    }
}
