/// The points behind a confidence score; the maxima are 30, 20, 20, 15 and 15.
public struct ConfidenceBreakdown: Codable, Sendable, Equatable {
    /// Out of 30: grows with the logarithm of the word count, full at 20,000 words.
    public var wordCount: Double
    /// Out of 20: full at 20 samples.
    public var samples: Double
    /// Out of 20: full at three or more content types.
    public var variety: Double
    /// Out of 15: full when sample lengths vary (coefficient of variation 0.5 or more), so the voice is seen in
    /// short and long pieces alike.
    public var lengthSpread: Double
    /// Out of 15: full when samples agree on sentence length, comma rate and function-word share.
    public var consistency: Double
}
