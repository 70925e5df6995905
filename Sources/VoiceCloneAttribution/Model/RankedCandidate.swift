/// One candidate's place in an attribution: JSON fields `clone`, `distance`, `probability`.
public struct RankedCandidate: Codable, Sendable, Equatable {
    public var clone: String
    /// The combined scaled distance (smaller is closer). Comparable across candidates for one text.
    public var distance: Double
    /// The calibrated probability that this candidate wrote the text, among the candidates given.
    public var probability: Double

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
    }
}
