/// A word (or phrase) with a relative frequency, the unit of every ranked list in the DNA.
public struct WordShare: Codable, Sendable, Equatable {
    public var word: String
    /// Occurrences divided by the total it is relative to (words, or sentences for openers).
    public var share: Double

    public init(word: String, share: Double) {
        self.word = word
        self.share = share
    }
}
