import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("Text, Markdown and folder import")
struct TextAndFolderImportTests {
    let importer = DocumentImporter()

    @Test func markdownKeepsItsTextAndTitle() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("allotment.md", "---\ntitle: \"Winter notes\"\ntags: [garden]\n---\r\n" + FixtureText.markdown(FixtureText.shortPiece).replacingOccurrences(of: "\n", with: "\r\n"))
        let document = try #require(try importer.importSource(path).first)
        #expect(document.markdown == FixtureText.markdown(FixtureText.shortPiece))
        #expect(document.title == "Winter notes")
        #expect(document.sourceType == .markdown)
        #expect(document.warnings.count == 1)
    }

    @Test func plainTextWithBOMIsImportedAndTitledFromItsName() throws {
        let scratch = try ScratchDirectory()
        let text = FixtureText.shortPiece.dropFirst().map(\.text).joined(separator: "\n\n")
        let path = try scratch.write("winter_allotment-notes.txt", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let document = try #require(try importer.importSource(path).first)
        #expect(document.markdown == text + "\n")
        #expect(document.title == "winter allotment notes")
        #expect(document.sourceType == .text)
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("latin1.txt", Data("Caf".utf8) + Data([0xE9]) + Data(" au lait".utf8))
        #expect(throws: ImportError.invalidUTF8(path, byteOffset: 3)) { try importer.importSource(path) }
        #expect(ImportError.invalidUTF8(path, byteOffset: 3).localizedDescription.contains("Re-save it as UTF-8"))
    }

    @Test func binaryAndEmptyFilesAreRefused() throws {
        let scratch = try ScratchDirectory()
        let binary = try scratch.write("image.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]))
        #expect(throws: ImportError.binaryFile(binary)) { try importer.importSource(binary) }
        let empty = try scratch.write("empty.md", "\n\n  \n")
        #expect(throws: ImportError.noText(empty)) { try importer.importSource(empty) }
    }

    @Test func unknownExtensionsAndMissingFilesSayWhatIsSupported() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("notes.rtf", "{\\rtf1 hello}")
        #expect(throws: ImportError.unsupportedExtension(path)) { try importer.importSource(path) }
        let message = ImportError.unsupportedExtension(path).localizedDescription
        #expect(message.contains(".rtf") && message.contains(".pdf") && message.contains(".docx") && message.contains(".epub"))
        #expect(throws: ImportError.notFound(scratch.path("nope.md"))) { try importer.importSource(scratch.path("nope.md")) }
    }

    @Test func filesAboveTheSizeLimitAreRefused() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("long.txt", String(repeating: "word ", count: 1000))
        let limited = DocumentImporter(options: ImportOptions(maxFileBytes: 1000))
        #expect(throws: ImportError.fileTooLarge(path, bytes: 5000, limit: 1000)) { try limited.importSource(path) }
    }

    @Test func folderExpandsToEverySupportedFileInOrder() throws {
        let scratch = try ScratchDirectory()
        let root = scratch.url.path
        try scratch.write("b/essay.md", FixtureText.markdown(FixtureText.essay))
        try scratch.write("a.txt", FixtureText.plainText(FixtureText.shortPiece))
        try DOCXWriter().write(FixtureText.shortPiece, to: URL(fileURLWithPath: scratch.path("c/piece.docx")))
        try scratch.write("b/photo.jpg", Data([0xFF, 0xD8, 0xFF]))
        try scratch.write(".hidden/secret.md", "hidden")
        try scratch.write("b/.draft.md", "hidden draft")
        let files = try importer.expand(root)
        #expect(files == [root + "/a.txt", root + "/b/essay.md", root + "/c/piece.docx"])
        let documents = try importer.importSource(root)
        #expect(documents.map(\.sourceType) == [.text, .markdown, .docx])
        #expect(documents.map(\.source) == files)
    }
}
