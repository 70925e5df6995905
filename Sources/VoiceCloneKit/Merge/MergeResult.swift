import VoiceCloneAnalysis

/// What `voiceclone merge` did: the merged clone, the original voices it blends, and its first DNA revision.
public struct MergeResult: Codable, Sendable, Equatable {
    /// The merged clone's slug.
    public var clone: String
    public var name: String
    /// The original voices after flattening merged sources, with normalised weights and the DNA versions used.
    public var sources: [MergeSource]
    /// The weights as given (nil when none were, meaning equal shares).
    public var givenWeights: [Double]?
    /// True when the given weights did not already sum to 1 and were rescaled.
    public var weightsNormalised: Bool
    /// True when a merged clone among the sources was expanded into its own sources.
    public var flattened: Bool
    public var dna: DNAStoreResult
}
