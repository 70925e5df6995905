/// The answer to "does this sound like CLONE?".
public struct VoiceMatch: Codable, Sendable, Equatable {
    public var clone: String
    /// 0–100: the verification probability as a percentage when `verification` is set (what `match`,
    /// `generate`, `rewrite` and `--refine` report); otherwise the older distance curve: 100 when the text is as
    /// close to the voice as its own held-out samples are, falling towards 0 as it gets further.
    public var score: Int
    /// Root-mean-square z-deviation averaged over the feature families (about 1 for the voice's own texts).
    public var distance: Double
    /// The typical distance of the voice's own held-out samples, for comparison.
    public var typicalDistance: Double
    /// The text's length as people count words (`WordCount`), the count its short-text warning gives.
    public var words: Int
    public var warnings: [AttributionWarning]
    /// Every style feature, largest deviation first.
    public var styleDeviations: [FeatureDeviation]
    /// The words and character n-grams that deviate most.
    public var vocabularyDeviations: [FeatureDeviation]
    /// The calibrated answer to "did this voice's writer write the text?" (`VoiceVerifier`).
    public var verification: Verification?

    /// This answer with the calibrated verification as its score. The verified answer is calibrated per length
    /// bucket and its band carries the text's length, so it is flagged as short only under
    /// `VoiceVerifierCache.shortTextWords`, not under the distance curve's 1,000 words.
    /// - Parameter words: the text's length as people count it (`WordCount`).
    public func verified(by verification: Verification, words: Int) -> VoiceMatch {
        var result = self
        result.verification = verification
        result.score = Int((verification.probability * 100).rounded())
        result.warnings.removeAll { $0.code == "short-text" }
        if words < VoiceVerifierCache.shortTextWords {
            result.warnings.insert(.shortText(words: words, threshold: VoiceVerifierCache.shortTextWords), at: 0)
        }
        return result
    }

    private enum EncodingKeys: String, CodingKey {
        case clone, score, sameWriterProbability, verification, distance, typicalDistance, words, warnings
        case styleDeviations, vocabularyDeviations
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKeys.self)
        try container.encode(clone, forKey: .clone)
        try container.encode(score, forKey: .score)
        try container.encodeIfPresent(verification.map { Rounding.fixed($0.probability) }, forKey: .sameWriterProbability)
        try container.encodeIfPresent(verification, forKey: .verification)
        try container.encode(Rounding.fixed(distance), forKey: .distance)
        try container.encode(Rounding.fixed(typicalDistance), forKey: .typicalDistance)
        try container.encode(words, forKey: .words)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(styleDeviations, forKey: .styleDeviations)
        try container.encode(vocabularyDeviations, forKey: .vocabularyDeviations)
    }
}
