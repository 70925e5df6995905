import Foundation
import VoiceCloneText

/// EPUB books: chapters in spine order rendered as Markdown; one document per book, or per chapter.
struct EPUBImporter {
    let options: ImportOptions

    func importFile(at path: String) throws -> [ImportedDocument] {
        let archive = try ArchiveReader(path: path, maxUncompressedBytes: options.maxUncompressedBytes) {
            ImportError.notEPUB(path, reason: $0)
        }
        let package = try EPUBPackage(archive: archive)
        var chapters: [(title: String?, markdown: String)] = []
        var warnings: [String] = []
        for entry in package.spine {
            guard archive.contains(entry) else {
                warnings.append("the spine names \(entry), which is not in the book; skipped")
                continue
            }
            let decoded = HTMLCharset.decode(try archive.data(entry), declared: nil)
            let document = try LibXML.parseHTML(Data(decoded.text.utf8), source: path, part: entry)
            let body = document.first(named: "body") ?? document
            let markdown = HTMLMarkdownRenderer.markdown(for: body)
            guard !markdown.isEmpty else { continue }
            let heading = markdown.split(separator: "\n").first { $0.hasPrefix("#") }
                .map { String($0.drop { $0 == "#" }).trimmed() }
            chapters.append((heading, markdown))
        }
        guard !chapters.isEmpty else { throw ImportError.noText(path) }
        let bookTitle = package.title ?? FileTitle.fromPath(path)

        guard options.splitChapters else {
            let markdown = MarkdownText.join(chapters.map(\.markdown))
            return [ImportedDocument(
                title: bookTitle, author: package.author, published: package.date, markdown: markdown,
                sourceType: .epub, source: path, warnings: warnings
            )]
        }
        var documents: [ImportedDocument] = []
        for (index, chapter) in chapters.enumerated() {
            let words = WordCount.count(chapter.markdown)
            if words < options.minimumWords {
                warnings.append("chapter \(index + 1) has only \(words) words (a title or copyright page?); skipped")
                continue
            }
            documents.append(ImportedDocument(
                title: chapter.title.map { "\(bookTitle): \($0)" } ?? "\(bookTitle), chapter \(index + 1)",
                author: package.author, published: package.date, markdown: chapter.markdown,
                sourceType: .epub, source: path, chapter: index + 1
            ))
        }
        guard !documents.isEmpty else {
            throw ImportError.textTooShort(path, words: chapters.map { WordCount.count($0.markdown) }.max() ?? 0, minimum: options.minimumWords)
        }
        documents[0].warnings = warnings
        return documents
    }
}
