import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("PDF import")
struct PDFImportTests {
    let importer = DocumentImporter()

    private func essayPDF(in scratch: ScratchDirectory, configure: (inout PDFWriter) -> Void = { _ in }) throws -> String {
        var writer = PDFWriter(title: FixtureText.title, author: FixtureText.author)
        writer.creationDate = "D:20240318091500Z"
        writer.runningHeader = "The Slow Repair of a Green Bicycle - Maren Holloway"
        writer.linesPerPage = 14
        configure(&writer)
        let path = scratch.path("essay.pdf")
        try writer.write(FixtureText.essay, to: URL(fileURLWithPath: path))
        return path
    }

    @Test func extractsTheWordsWithoutHeadersPageNumbersOrHyphens() throws {
        let scratch = try ScratchDirectory()
        let path = try essayPDF(in: scratch)
        let document = try #require(try importer.importSource(path).first)
        let overlap = WordOverlap(expected: FixtureText.plainText(FixtureText.essay), actual: document.markdown)
        #expect(overlap.recall >= 0.99, "\(overlap)")
        #expect(overlap.precision >= 0.99, "\(overlap)")
        // The running header was on every page; its words appear in the text only where the essay has them.
        #expect(!document.markdown.contains("Maren Holloway"))
        // No page number survived as a line of its own.
        #expect(!document.markdown.split(separator: "\n").contains { $0.allSatisfy(\.isNumber) })
        #expect(document.title == FixtureText.title)
        #expect(document.author == FixtureText.author)
        #expect(document.published == "2024-03-18")
        #expect(document.sourceType == .pdf)
        #expect(document.source == path)
    }

    @Test func undoesLineBreakHyphenationAndJoinsWrappedLines() throws {
        let scratch = try ScratchDirectory()
        let path = try essayPDF(in: scratch) { $0.lineWidth = 40 }
        let lines = PDFWriter(title: nil).wrapping(40).lines(for: FixtureText.essay)
        #expect(lines.contains { $0.hasSuffix("-") }, "the fixture must contain hyphenated breaks")
        let document = try #require(try importer.importSource(path).first)
        let blocks = document.markdown.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        // Every paragraph comes back whole and on its own, even those that cross a page break.
        for block in FixtureText.essay {
            let expected: String
            switch block {
            case .heading(let text, _), .paragraph(let text): expected = text
            case .listItem(let text): expected = "- " + text
            }
            #expect(blocks.contains(expected), "block not rebuilt: \(expected.prefix(60))")
        }
    }

    @Test func encryptedPDFIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try essayPDF(in: scratch) { $0.encrypted = true }
        #expect(throws: ImportError.encryptedPDF(path)) { try importer.importSource(path) }
    }

    @Test func scannedPDFWithoutTextLayerIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try essayPDF(in: scratch) { $0.textless = true }
        let pages = PDFWriter(title: nil).lines(for: FixtureText.essay).count
        #expect(pages > 0)
        do {
            _ = try importer.importSource(path)
            Issue.record("a textless PDF was imported")
        } catch let error as ImportError {
            guard case .scannedPDF(let reported, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(reported == path)
            #expect(error.localizedDescription.contains("looks scanned"))
        }
    }

    @Test func corruptPDFIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("broken.pdf", "%PDF-1.4\nthis is not really a PDF at all\n")
        #expect {
            try importer.importSource(path)
        } throws: { error in
            guard case ImportError.corruptPDF(let reported, _) = error else { return false }
            return reported == path
        }
    }
}

extension PDFWriter {
    func wrapping(_ width: Int) -> PDFWriter {
        var copy = self
        copy.lineWidth = width
        return copy
    }
}
