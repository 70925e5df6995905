/// The range the best candidate's probability could plausibly take: the calibrated temperature
/// made flatter and sharper by a factor that grows as the text gets shorter.
public struct ProbabilityBand: Codable, Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Rounding.fixed(lower), forKey: .lower)
        try container.encode(Rounding.fixed(upper), forKey: .upper)
    }
}
