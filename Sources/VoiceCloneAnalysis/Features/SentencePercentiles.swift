/// Sentence length (words) at a few percentiles, so generation can reproduce the spread, not only the mean.
public struct SentencePercentiles: Codable, Sendable, Equatable {
    public var p10: Double
    public var p25: Double
    public var p50: Double
    public var p75: Double
    public var p90: Double
}
