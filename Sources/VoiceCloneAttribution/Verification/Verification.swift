/// The answer to "did the writer of these samples write this text?": a calibrated probability, the evidence
/// behind it and what the calibration rests on.
public struct Verification: Codable, Sendable, Equatable {
    /// The calibrated probability that the voice's writer wrote the text (0–1).
    public var probability: Double
    /// A plausible range for `probability`, wider for short texts.
    public var band: ProbabilityBand
    public var verdict: VerificationVerdict
    /// Cosine similarity of the text to the voice: in the vault's character 1–4-gram TF-IDF space with two or more
    /// voices, over z-scored rates of the background vocabulary with one.
    public var similarity: Double
    /// The most similar alternative writer (another voice in the vault, or "background writer").
    public var closestAlternative: String
    public var alternativeSimilarity: Double
    /// Word-order evidence (see `WordOrderEvidence`).
    public var wordOrder: WordOrderEvidence
    /// What the probability was calibrated on, in words.
    public var calibratedOn: String
    /// The voice's own verification probability against a stranger, before the vault's other voices compete for
    /// the text (`VaultPosterior`); equal to `probability` for a lone voice. `nil` in results from older versions.
    public var voiceProbability: Double?
    /// With other voices in the vault: the probability that none of them (this one included) wrote the text, in
    /// the posterior for `match`'s question (`VaultPosterior.Question.match`: a stranger as likely as the voice asked
    /// about, a priori).
    public var noneProbability: Double?
    /// With other voices in the vault: the strongest rival for the text and its probability, in the same posterior.
    public var rival: String?
    public var rivalProbability: Double?

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Rounding.fixed(probability), forKey: .probability)
        try container.encode(band, forKey: .band)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(Rounding.fixed(similarity), forKey: .similarity)
        try container.encode(closestAlternative, forKey: .closestAlternative)
        try container.encode(Rounding.fixed(alternativeSimilarity), forKey: .alternativeSimilarity)
        try container.encode(wordOrder, forKey: .wordOrder)
        try container.encode(calibratedOn, forKey: .calibratedOn)
        try container.encodeIfPresent(voiceProbability.map { Rounding.fixed($0) }, forKey: .voiceProbability)
        try container.encodeIfPresent(noneProbability.map { Rounding.fixed($0) }, forKey: .noneProbability)
        try container.encodeIfPresent(rival, forKey: .rival)
        try container.encodeIfPresent(rivalProbability.map { Rounding.fixed($0) }, forKey: .rivalProbability)
    }
}

/// The probability read in words: likely (≥ 0.7), uncertain, unlikely (< 0.3).
public enum VerificationVerdict: String, Codable, Sendable {
    case likely, uncertain, unlikely

    init(probability: Double) {
        self = probability >= 0.7 ? .likely : probability >= 0.3 ? .uncertain : .unlikely
    }

    /// A short phrase for people.
    public var phrase: String {
        switch self {
        case .likely: return "likely the same writer"
        case .uncertain: return "uncertain"
        case .unlikely: return "likely a different writer"
        }
    }
}

/// How natural the text's word order is, against the voice's own samples. `fluency` is the mean pointwise
/// mutual information of neighbouring common-word classes (nats): ordinary prose sits well above 0, words in
/// an order no writer would use near 0.
public struct WordOrderEvidence: Codable, Sendable, Equatable {
    public var fluency: Double
    /// The mean fluency of the voice's own sample chunks of the same length.
    public var writerFluency: Double
    /// (fluency − writer's) / the spread of the writer's chunks; strongly negative lowers the probability.
    public var z: Double
    /// A sentence for the match breakdown.
    public var note: String

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Rounding.fixed(fluency, 3), forKey: .fluency)
        try container.encode(Rounding.fixed(writerFluency, 3), forKey: .writerFluency)
        try container.encode(Rounding.fixed(z, 2), forKey: .z)
        try container.encode(note, forKey: .note)
    }
}
