import VoiceCloneAnalysis

/// What `voiceclone learn` found in a clone's edited pieces and whether it stored a new DNA revision.
public struct LearnReport: Codable, Sendable, Equatable {
    public var clone: String
    /// Approved or published pieces compared with their drafts, and how many of them the writer changed.
    public var pieces: Int
    public var editedPieces: Int
    public var minSupport: Int
    public var lessons: [EditLesson]
    /// The lessons in plain words, in the same order.
    public var summary: [String]
    /// The DNA revision that holds them (`unchanged` when the lessons were already stored); nil when there was
    /// nothing to learn from.
    public var dna: DNAStoreResult?
    public var warnings: [String]
}
