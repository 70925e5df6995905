import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("EPUB import")
struct EPUBImportTests {
    private func book(in scratch: ScratchDirectory, configure: (inout EPUBWriter) -> Void = { _ in }) throws -> String {
        var writer = EPUBWriter(title: "Small Repairs", author: FixtureText.author, date: "2024-05-01")
        configure(&writer)
        let path = scratch.path("small-repairs.epub")
        try writer.write(chapters: [FixtureText.essay, FixtureText.shortPiece], to: URL(fileURLWithPath: path))
        return path
    }

    @Test func wholeBookInSpineOrder() throws {
        let scratch = try ScratchDirectory()
        let path = try book(in: scratch)
        let documents = try DocumentImporter().importSource(path)
        #expect(documents.count == 1)
        let document = try #require(documents.first)
        let expected = FixtureText.plainText(FixtureText.essay) + "\n" + FixtureText.plainText(FixtureText.shortPiece)
        let overlap = WordOverlap(expected: expected, actual: document.markdown)
        #expect(overlap.recall >= 0.99, "\(overlap)")
        #expect(overlap.precision >= 0.99, "\(overlap)")
        // Spine order, although the manifest lists the chapters backwards.
        let essayAt = try #require(document.markdown.range(of: "# The Slow Repair"))
        let allotmentAt = try #require(document.markdown.range(of: "# Notes from a Winter Allotment"))
        #expect(essayAt.lowerBound < allotmentAt.lowerBound)
        #expect(!document.markdown.contains("Contents entry"), "the nav document is not a chapter")
        #expect(document.markdown.contains("\n\n- A spoke key that fits only one size of nipple, luckily the right one.\n"))
        #expect(document.title == "Small Repairs")
        #expect(document.author == FixtureText.author)
        #expect(document.published == "2024-05-01")
        #expect(document.sourceType == .epub)
    }

    @Test func splitByChapter() throws {
        let scratch = try ScratchDirectory()
        let path = try book(in: scratch)
        let documents = try DocumentImporter(options: ImportOptions(splitChapters: true)).importSource(path)
        #expect(documents.map(\.chapter) == [1, 2])
        #expect(documents.map(\.title) == ["Small Repairs: The Slow Repair of a Green Bicycle", "Small Repairs: Notes from a Winter Allotment"])
        let overlap = WordOverlap(expected: FixtureText.plainText(FixtureText.shortPiece), actual: documents[1].markdown)
        #expect(overlap.recall >= 0.99 && overlap.precision >= 0.99, "\(overlap)")
    }

    @Test func bookWithoutSpineIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try book(in: scratch) { $0.omitSpine = true }
        #expect(throws: ImportError.epubWithoutSpine(path)) { try DocumentImporter().importSource(path) }
        #expect(ImportError.epubWithoutSpine(path).localizedDescription.contains("no spine"))
    }

    @Test func zipWithoutContainerIsNotAnEPUB() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("fake.epub")
        try ZipWriter.write([ZipWriter.Entry("mimetype", "application/epub+zip", stored: true)], to: URL(fileURLWithPath: path))
        #expect(throws: ImportError.notEPUB(path, reason: "META-INF/container.xml is missing")) { try DocumentImporter().importSource(path) }
    }
}
