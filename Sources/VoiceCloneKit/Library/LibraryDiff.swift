import VoiceCloneAnalysis

/// `library diff`: what the writer changed in a saved piece since the tool wrote it.
public struct LibraryDiff: Codable, Sendable, Equatable {
    public var id: String
    public var clone: String
    public var platform: String
    public var status: LibraryStatus
    /// The commit that saved the draft (short id) and its date (ISO 8601).
    public var draftCommit: String
    public var draftDate: String
    public var wordsBefore: Int
    public var wordsAfter: Int
    /// Draft words still in place.
    public var wordsKept: Int
    /// One minus the words kept over the longer version: 0 untouched, 1 rewritten from scratch.
    public var changedShare: Double
    /// The diff as runs of kept (`same`), `deleted` and `inserted` text.
    public var segments: [WordDiff.Segment]
    /// The same diff as one text, `[-deleted-]{+inserted+}`.
    public var inline: String

    public var unchanged: Bool { !segments.contains { $0.kind != .same } }
}
