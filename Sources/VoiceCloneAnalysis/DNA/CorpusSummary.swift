import VoiceCloneText

/// What the DNA was computed from.
public struct CorpusSummary: Codable, Sendable, Equatable {
    public var samples: Int
    public var words: Int
    public var sentences: Int
    public var paragraphs: Int
    /// Samples marked `ai_assisted` that were left out.
    public var excludedAiAssisted: Int
    /// Samples and words per content type, alphabetically.
    public var contentTypes: [ContentTypeCount]
    /// The ids of the analysed samples, sorted, so a diff shows which samples came or went.
    public var sampleIds: [String]
}

/// Samples and words of one content type.
public struct ContentTypeCount: Codable, Sendable, Equatable {
    public var type: ContentType
    public var samples: Int
    public var words: Int
}
