/// What the leave-one-sample-out self-test on the candidates' own samples found; it sets the
/// probability temperature and tells a user how separable their voices are.
public struct Calibration: Codable, Sendable, Equatable {
    /// Held-out chunks used (0 when no candidate had enough samples).
    public var chunks: Int
    /// Share of those chunks attributed to their own candidate.
    public var accuracy: Double
    /// The fitted softmax temperature.
    public var temperature: Double
    /// The family weights used (fitted when `fitFamilyWeights` is on); 0 for a family without features.
    public var wordWeight: Double
    public var characterWeight: Double
    public var styleWeight: Double
    /// How many of the most frequent words were used (fitted when `fitWordCount` is on).
    public var mostFrequentWords: Int
}
