import Foundation
import VoiceCloneImport
import VoiceCloneText
import VoiceCloneVault

/// Hands documents that are not plain text (PDF, DOCX, EPUB, HTML, URLs) to the import layer and turns
/// what it extracts into samples. Plain text and Markdown never come here: they keep their own front matter.
enum ImportBridge {
    /// Extensions the importer handles beyond the text formats `SampleTextReader` reads itself.
    static var extensions: [String] {
        SourceFormat.allCases.filter { $0 != .text && $0 != .markdown }.flatMap(\.extensions)
    }

    static func isURL(_ input: String) -> Bool { DocumentImporter.isURL(input) }

    /// One rule for every source (a file, stdin, a web page, an EPUB chapter): a sample under this many words is
    /// added with a warning, because it says little about a voice.
    static var minimumWords: Int { ImportOptions().minimumWords }

    static func canImport(_ input: String) -> Bool {
        isURL(input) || extensions.contains(URL(fileURLWithPath: input).pathExtension.lowercased())
    }

    static func read(_ input: String, options: SampleAddOptions) throws -> [IncomingSample] {
        var importOptions = ImportOptions()
        importOptions.splitChapters = options.splitChapters
        let documents = try DocumentImporter(options: importOptions).importSource(input)
        // A small archive can hold far more text than a sample may: refuse it here rather than write a file `check` rejects.
        if let large = documents.first(where: { $0.markdown.utf8.count > VaultScanner.maxSampleBytes }) {
            throw ImportError.textTooLarge(large.source, bytes: large.markdown.utf8.count, limit: VaultScanner.maxSampleBytes)
        }
        return documents.map { document in
            var metadata = SampleMetadata(
                title: document.title,
                source: document.source, sourceType: document.sourceType,
                contentType: defaultContentType(document.sourceType), author: document.author,
                published: document.published)
            if isURL(input) { metadata.sourceType = .url }
            return IncomingSample(input: document.chapter.map { "\(input)#chapter-\($0)" } ?? input,
                                  body: document.markdown, metadata: metadata, extraFields: nil,
                                  warnings: document.warnings)
        }
    }

    /// A sensible guess the user can override with `--type`: ebooks are books, web pages articles.
    private static func defaultContentType(_ source: SourceType) -> ContentType {
        switch source {
        case .epub: return .book
        case .html, .url: return .article
        default: return .other
        }
    }
}
