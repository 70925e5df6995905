import Foundation
import VoiceCloneText

/// HTML files and downloaded pages: charset decoded, main content extracted, rendered as Markdown.
struct HTMLImporter {
    let minimumWords: Int

    func importPage(data: Data, headerCharset: String?, source: String, sourceType: SourceType, fallbackTitle: String) throws -> ImportedDocument {
        let decoded = HTMLCharset.decode(data, declared: headerCharset)
        let document = try LibXML.parseHTML(Data(decoded.text.utf8), source: source, part: "the page")
        let root = MainContentExtractor().extract(from: document)
        let metadata = HTMLMetadata(document: document, article: root)
        let markdown = HTMLMarkdownRenderer.markdown(for: root)
        let words = WordCount.count(markdown)
        if words == 0 { throw ImportError.noText(source) }
        if words < minimumWords { throw ImportError.textTooShort(source, words: words, minimum: minimumWords) }
        return ImportedDocument(
            title: metadata.title ?? fallbackTitle,
            author: metadata.author,
            published: metadata.published,
            markdown: markdown,
            sourceType: sourceType,
            source: source,
            warnings: decoded.warning.map { [$0] } ?? []
        )
    }
}

