import VoiceCloneText

/// One writing sample extracted from a source, ready for the vault to store.
///
/// The importer only extracts; deduplication and writing the sample file belong to the vault layer.
public struct ImportedDocument: Sendable, Equatable, Codable {
    /// Best title known: the document's metadata, else its first heading, else the file or page name.
    public var title: String
    public var author: String?
    /// Publication or creation date as `YYYY-MM-DD`, when the source says.
    public var published: String?
    /// The writer's text as Markdown: blocks separated by one blank line, ending with a newline.
    public var markdown: String
    public var sourceType: SourceType
    /// The file path as given, or the final URL after redirects.
    public var source: String
    /// Things the user should know that did not stop the import (pages without text, skipped chapters...).
    public var warnings: [String]
    /// 1-based chapter number when an EPUB was split into chapters.
    public var chapter: Int?

    public init(
        title: String, author: String? = nil, published: String? = nil, markdown: String,
        sourceType: SourceType, source: String, warnings: [String] = [], chapter: Int? = nil
    ) {
        self.title = title
        self.author = author
        self.published = published
        self.markdown = markdown
        self.sourceType = sourceType
        self.source = source
        self.warnings = warnings
        self.chapter = chapter
    }

    /// Words in the Markdown text (Markdown marks do not count).
    public var wordCount: Int { WordCount.count(markdown) }
}
