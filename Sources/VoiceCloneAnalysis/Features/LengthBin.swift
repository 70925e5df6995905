/// One bar of the sentence-length histogram.
public struct LengthBin: Codable, Sendable, Equatable {
    /// Shortest length in the bin, in words.
    public var from: Int
    /// Longest length in the bin; absent for the open-ended last bin.
    public var to: Int?
    /// Share of sentences in the bin.
    public var share: Double

    /// The bins' lower bounds; each bin ends just before the next begins.
    static let bounds = [1, 6, 11, 16, 21, 26, 31, 41, 51]
}
