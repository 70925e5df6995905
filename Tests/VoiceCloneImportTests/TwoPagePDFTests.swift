import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("PDF import, short documents")
struct TwoPagePDFTests {
    @Test func runningHeaderIsRemovedFromATwoPagePDF() throws {
        let scratch = try ScratchDirectory()
        var writer = PDFWriter(title: "Winter", author: FixtureText.author)
        writer.runningHeader = "Winter Notes - Maren Holloway"
        let lines = writer.lines(for: FixtureText.shortPiece)
        writer.linesPerPage = lines.count / 2 + 2
        let path = scratch.path("winter.pdf")
        try writer.pdf(lines: lines).write(to: URL(fileURLWithPath: path))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self).contains("/Count 2 "),
                "the fixture must have exactly two pages")

        let document = try #require(try DocumentImporter().importSource(path).first)
        #expect(!document.markdown.contains("Maren Holloway"), "\(document.markdown)")
        let overlap = WordOverlap(expected: FixtureText.plainText(FixtureText.shortPiece), actual: document.markdown)
        #expect(overlap.recall >= 0.99, "\(overlap)")
        #expect(overlap.precision >= 0.99, "\(overlap)")
    }
}
