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
        // A chapter under the minimum (a title page, an epigraph) is not a sample of its own: it joins the chapter
        // after it (the last one joins the one before), so no words are dropped and no near-empty sample is made.
        var documents: [ImportedDocument] = []
        var pending: [String] = []
        for (index, chapter) in chapters.enumerated() {
            let words = WordCount.count(chapter.markdown)
            if words < options.minimumWords && index + 1 < chapters.count {
                warnings.append("chapter \(index + 1) has only \(words) words (a title or copyright page?); joined to the next chapter")
                pending.append(chapter.markdown)
                continue
            }
            if words < options.minimumWords, var last = documents.popLast() {
                warnings.append("chapter \(index + 1) has only \(words) words; joined to the chapter before it")
                last.markdown = MarkdownText.join([last.markdown] + pending + [chapter.markdown])
                documents.append(last)
                pending = []
                continue
            }
            documents.append(ImportedDocument(
                title: chapter.title.map { "\(bookTitle): \($0)" } ?? "\(bookTitle), chapter \(index + 1)",
                author: package.author, published: package.date, markdown: MarkdownText.join(pending + [chapter.markdown]),
                sourceType: .epub, source: path, chapter: index + 1
            ))
            pending = []
        }
        documents[0].warnings = warnings
        return documents
    }
}
