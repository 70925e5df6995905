/// Where a merged clone's DNA came from: its sources, their weights and the DNA versions blended.
public struct MergeProvenance: Codable, Sendable, Equatable {
    public var sources: [MergeSource]

    public init(sources: [MergeSource]) { self.sources = sources }
}

/// One source of a merged clone.
public struct MergeSource: Codable, Sendable, Equatable {
    public var clone: String
    /// Normalised weight; the weights of a merge sum to 1.
    public var weight: Double
    public var dnaVersion: Int

    public init(clone: String, weight: Double, dnaVersion: Int) {
        self.clone = clone; self.weight = weight; self.dnaVersion = dnaVersion
    }
}
