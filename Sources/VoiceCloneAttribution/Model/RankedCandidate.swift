/// One candidate's place in an attribution: JSON fields `clone`, `distance`, `probability` (its share among the
/// candidates) and, with the open-set check, `writer_probability`.
public struct RankedCandidate: Codable, Sendable, Equatable {
    public var clone: String
    /// The combined scaled distance (smaller is closer). Comparable across candidates for one text.
    public var distance: Double
    /// The calibrated probability that this candidate wrote the text, among the candidates given: its share,
    /// assuming one of them wrote it.
    public var probability: Double
    /// The probability that this candidate wrote the text, "none of them" included: its place in the vault
    /// posterior (`VaultPosterior`, `attribute`'s question); nil without the open-set check.
    public var writerProbability: Double?

    public init(clone: String, distance: Double, probability: Double) {
        self.clone = clone
        self.distance = distance
        self.probability = probability
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clone, forKey: .clone)
        try container.encode(Rounding.fixed(distance), forKey: .distance)
        try container.encode(Rounding.fixed(probability), forKey: .probability)
        try container.encodeIfPresent(writerProbability.map { Rounding.fixed($0) }, forKey: .writerProbability)
    }
}
