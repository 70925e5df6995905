import VoiceCloneVault

/// A sample as `sample list`/`sample show` print it.
public struct SampleSummary: Codable, Sendable, Equatable {
    public var id: String
    public var clone: String
    public var title: String
    public var path: String
    public var words: Int
    public var hash: String
    public var contentType: String
    public var sourceType: String?
    public var source: String?
    public var added: String?
    public var aiAssisted: Bool
    /// Set on a copy sync kept beside a sample both sides edited (this vault's text): the id of that sample. The
    /// copy stays until someone chooses a side (`sync resolve`, the web app's Sync page); see `pendingConflicts`.
    public var conflictOf: String?

    enum CodingKeys: String, CodingKey {
        case id, clone, title, path, words, hash, source, added
        case contentType = "content_type"
        case sourceType = "source_type"
        case aiAssisted = "ai_assisted"
        case conflictOf = "conflict_of"
    }

    init(_ record: SampleRecord) {
        id = record.id
        clone = record.clone
        title = record.title
        path = record.path
        words = record.words
        hash = record.hash
        contentType = record.metadata.contentType.rawValue
        sourceType = record.metadata.sourceType?.rawValue
        source = record.metadata.source
        added = record.metadata.added
        aiAssisted = record.metadata.aiAssisted
        conflictOf = record.metadata.conflictOf
    }
}

/// `sample show`: the summary and the text.
public struct SampleDetail: Codable, Sendable {
    public var sample: SampleSummary
    public var text: String
}
