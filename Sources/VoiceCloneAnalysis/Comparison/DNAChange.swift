/// One difference between two DNA revisions, with a weight that says how much it matters to a reader.
public struct DNAChange: Codable, Sendable, Equatable {
    /// Where it is in the DNA file: `sentences.mean_length`, `function_words.most_frequent[the].share`.
    public var key: String
    /// The value before and after as written in the file; nil when the entry was added or removed.
    public var from: String?
    public var to: String?
    /// Numeric change (after minus before), when both sides are numbers.
    public var delta: Double?
    /// Ordering weight: trait moves in typical spreads, samples coming or going, then the rest by relative change.
    public var significance: Double
    /// The change in plain words.
    public var description: String
}
