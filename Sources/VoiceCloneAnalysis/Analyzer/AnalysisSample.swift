import VoiceCloneText

/// One sample handed to the analyzer: its Markdown body (front matter already removed) and what kind of writing it is.
public struct AnalysisSample: Sendable, Equatable {
    public var id: String
    public var text: String
    public var contentType: ContentType
    /// Samples written with AI help are left out of a voice unless the caller decides otherwise.
    public var aiAssisted: Bool

    public init(id: String, text: String, contentType: ContentType = .other, aiAssisted: Bool = false) {
        self.id = id
        self.text = text
        self.contentType = contentType
        self.aiAssisted = aiAssisted
    }
}
