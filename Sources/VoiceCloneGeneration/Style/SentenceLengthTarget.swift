/// The sentence lengths (in words) a writer tends to use: a mean and spread, optionally a full histogram.
///
/// A histogram captures habits a mean hides (a writer who alternates 4-word punches with 30-word sentences), so when
/// present it is sampled directly; otherwise lengths come from a log-normal fitted to mean and standard deviation.
public struct SentenceLengthTarget: Codable, Sendable, Equatable {
    /// One histogram bar: sentences of `lower...upper` words make up `share` of all sentences.
    public struct Bucket: Codable, Sendable, Equatable {
        public var lower: Int
        public var upper: Int
        public var share: Double
        public init(lower: Int, upper: Int, share: Double) {
            self.lower = lower
            self.upper = upper
            self.share = share
        }
    }

    public var mean: Double
    public var standardDeviation: Double
    public var histogram: [Bucket]?

    public init(mean: Double, standardDeviation: Double, histogram: [Bucket]? = nil) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.histogram = histogram
    }

    enum CodingKeys: String, CodingKey {
        case mean, histogram
        case standardDeviation = "standard_deviation"
    }
}
