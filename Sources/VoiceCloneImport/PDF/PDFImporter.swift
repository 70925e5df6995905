import Foundation
import VoiceCloneText

/// PDF through poppler-glib: text of every page, cleaned into paragraphs, with Info-dictionary metadata.
struct PDFImporter {
    func importFile(at path: String) throws -> ImportedDocument {
        let document: PopplerDocument
        do {
            document = try PopplerDocument(path: path)
        } catch PopplerDocument.Failure.encrypted {
            throw ImportError.encryptedPDF(path)
        } catch PopplerDocument.Failure.unreadable(let reason) {
            throw ImportError.corruptPDF(path, reason: reason)
        }
        let pageCount = document.pageCount
        var pages: [[PDFLine]] = []
        pages.reserveCapacity(pageCount)
        var emptyPages = 0
        for index in 0..<pageCount {
            let lines = document.lines(ofPage: index)
            if !lines.contains(where: { $0.text.contains(where: \.isLetter) }) { emptyPages += 1 }
            pages.append(lines)
        }
        let paragraphs = PDFTextCleaner().paragraphs(lines: pages)
        let markdown = MarkdownText.join(paragraphs)
        if WordCount.count(markdown) < 3 {
            if pageCount > 0 { throw ImportError.scannedPDF(path, pages: pageCount) }
            throw ImportError.noText(path)
        }
        var warnings: [String] = []
        if emptyPages > 0 {
            warnings.append("\(emptyPages) of \(pageCount) pages have no text layer (scanned images?) and were skipped")
        }
        return ImportedDocument(
            title: document.title ?? FileTitle.fromPath(path),
            author: document.author,
            published: document.creationDate.map(ISODate.string(from:)),
            markdown: markdown,
            sourceType: .pdf,
            source: path,
            warnings: warnings
        )
    }
}
