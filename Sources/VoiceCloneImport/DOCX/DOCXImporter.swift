import Foundation
import VoiceCloneText

/// Word documents: `word/document.xml` turned into Markdown, metadata from `docProps/core.xml`.
///
/// Kept: paragraphs, headings (`#` from heading styles or outline levels), list items (`-`), bold and italics.
/// Left out, because they are not the writer's running prose: tables, comments, tracked deletions,
/// field codes, text boxes and drawings, footnote references.
struct DOCXImporter {
    let options: ImportOptions

    func importFile(at path: String) throws -> ImportedDocument {
        let archive = try ArchiveReader(path: path, maxUncompressedBytes: options.maxUncompressedBytes) {
            ImportError.notDOCX(path, reason: $0)
        }
        guard archive.contains("word/document.xml") else {
            let reason = archive.contains("META-INF/container.xml") ? "it is an EPUB; rename it to .epub" : "it has no word/document.xml"
            throw ImportError.notDOCX(path, reason: reason)
        }
        let styles = archive.contains("word/styles.xml") ? DOCXStyles(try archive.xml("word/styles.xml")) : DOCXStyles()
        let document = try archive.xml("word/document.xml")
        guard let body = document.first(named: "body") else {
            throw ImportError.notDOCX(path, reason: "word/document.xml has no body")
        }
        let blocks = DOCXBodyRenderer(styles: styles).blocks(of: body)
        let markdown = MarkdownText.join(blocks)
        guard !markdown.isEmpty else { throw ImportError.noText(path) }

        var title: String?
        var author: String?
        var published: String?
        if archive.contains("docProps/core.xml"), let core = try? archive.xml("docProps/core.xml") {
            title = core.first(named: "title").map(\.textContent).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            author = core.first(named: "creator").map(\.textContent).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            published = ISODate.normalize(core.first(named: "created")?.textContent)
        }
        let heading = blocks.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        return ImportedDocument(
            title: title ?? heading ?? FileTitle.fromPath(path),
            author: author, published: published, markdown: markdown,
            sourceType: .docx, source: path, warnings: []
        )
    }
}
