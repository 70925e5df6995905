import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("DOCX import")
struct DOCXImportTests {
    let importer = DocumentImporter()

    private func writer() -> DOCXWriter {
        var writer = DOCXWriter(title: FixtureText.title, author: FixtureText.author, created: "2024-03-18T09:30:00Z")
        writer.boldPhrases = ["length matters"]
        writer.italicPhrases = ["slow down, check again"]
        return writer
    }

    @Test func extractsProseWithHeadingsListsAndEmphasis() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("essay.docx")
        try writer().write(FixtureText.essay, to: URL(fileURLWithPath: path))
        let document = try #require(try importer.importSource(path).first)
        let overlap = WordOverlap(expected: FixtureText.plainText(FixtureText.essay), actual: document.markdown)
        #expect(overlap.recall >= 0.99, "\(overlap)")
        #expect(overlap.precision >= 0.99, "\(overlap)")
        #expect(document.markdown.hasPrefix("# The Slow Repair of a Green Bicycle\n\n"))
        #expect(document.markdown.contains("\n\n## Starting with the chain\n\n"))
        #expect(document.markdown.contains("\n\n- A chain tool, bought cheaply and used constantly.\n"))
        #expect(document.markdown.contains("humbling: **length matters**. Too short"))
        #expect(document.markdown.contains("different words: *slow down, check again*, the bolt"))
        for noise in DOCXWriter.noiseWords {
            #expect(!document.markdown.contains(noise), "\(noise) leaked from a table, comment, deletion or field code")
        }
        #expect(document.title == FixtureText.title)
        #expect(document.author == FixtureText.author)
        #expect(document.published == "2024-03-18")
        #expect(document.sourceType == .docx)
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("essay.docx")
        try writer().write(FixtureText.essay, to: URL(fileURLWithPath: path))
        #expect(try importer.importSource(path) == importer.importSource(path))
    }

    @Test func withoutMetadataTheFirstHeadingIsTheTitle() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("untitled-draft.docx")
        try DOCXWriter().write(FixtureText.shortPiece, to: URL(fileURLWithPath: path))
        let document = try #require(try importer.importSource(path).first)
        #expect(document.title == "Notes from a Winter Allotment")
        #expect(document.author == nil)
    }

    @Test func zipWithoutWordDocumentIsNotADOCX() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("holiday.docx")
        try ZipWriter.write([ZipWriter.Entry("photos/readme.txt", "just a zip")], to: URL(fileURLWithPath: path))
        #expect(throws: ImportError.notDOCX(path, reason: "it has no word/document.xml")) { try importer.importSource(path) }
    }

    @Test func oldWordFileIsRecognised() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("old.docx", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)))
        #expect(throws: ImportError.notDOCX(path, reason: "it is an old Word 97-2003 (.doc) file")) { try importer.importSource(path) }
    }

    @Test func truncatedZipIsCorrupt() throws {
        let scratch = try ScratchDirectory()
        let good = scratch.path("good.docx")
        try writer().write(FixtureText.essay, to: URL(fileURLWithPath: good))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let path = try scratch.write("cut.docx", bytes.prefix(bytes.count / 2))
        #expect {
            try importer.importSource(path)
        } throws: { error in
            switch error as? ImportError {
            case .corruptArchive(let p, _)?, .notDOCX(let p, _)?: return p == path && !error.localizedDescription.isEmpty
            default: return false
            }
        }
    }

    @Test func zipBombIsRefusedBeforeExpanding() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("bomb.docx")
        var entries = DOCXWriter().entries(FixtureText.shortPiece)
        entries.removeAll { $0.name == "word/document.xml" }
        // 8 MB of one repeated byte compresses to a few kilobytes.
        entries.append(ZipWriter.Entry("word/document.xml", Data(repeating: 0x20, count: 8 * 1024 * 1024)))
        try ZipWriter.write(entries, to: URL(fileURLWithPath: path))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 200_000)
        let limited = DocumentImporter(options: ImportOptions(maxUncompressedBytes: 1024 * 1024))
        #expect(throws: ImportError.zipBomb(path, entry: "word/document.xml", limit: 1024 * 1024)) { try limited.importSource(path) }
    }

    @Test func malformedDocumentXMLIsReported() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("broken.docx")
        var entries = DOCXWriter().entries(FixtureText.shortPiece)
        entries.removeAll { $0.name == "word/document.xml" }
        entries.append(ZipWriter.Entry("word/document.xml", "<w:document><w:body><w:p>unclosed"))
        try ZipWriter.write(entries, to: URL(fileURLWithPath: path))
        #expect {
            try importer.importSource(path)
        } throws: { error in
            guard case ImportError.malformedXML(let p, let part, _)? = error as? ImportError else { return false }
            return p == path && part == "word/document.xml"
        }
    }
}
