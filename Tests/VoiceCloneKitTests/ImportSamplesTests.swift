import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// `sample add` with documents: the import layer's Markdown lands as samples with provenance in the front matter,
/// duplicates are skipped whatever format they came in, and one bad file never stops the batch.
@Suite struct ImportSamplesTests {
    @Test func pdfDocxEpubAndAFolderBecomeSamples() throws {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Maren")
        let dir = TemporaryDirectory("docs")
        try FileManager.default.createDirectory(at: dir.file("book"), withIntermediateDirectories: true)
        var docx = DOCXWriter(title: FixtureText.title, author: FixtureText.author, created: "2024-03-18T09:30:00Z")
        docx.includeNoise = true
        try docx.write(FixtureText.essay, to: dir.file("essay.docx"))
        try PDFWriter(title: "Winter", author: FixtureText.author).write(FixtureText.shortPiece, to: dir.file("winter.pdf"))
        try EPUBWriter(title: "Two Pieces", author: FixtureText.author).write(chapters: [FixtureText.essay, FixtureText.shortPiece], to: dir.file("book/two.epub"))
        try Data("not a zip at all".utf8).write(to: dir.file("book/broken.docx"))

        let results = try ws.samples.add("maren", inputs: [dir.file("essay.docx").path, dir.file("winter.pdf").path, dir.file("book").path],
                                        options: SampleAddOptions(splitChapters: true))
        // The EPUB's first chapter is the DOCX essay: the same text, so skipped although it came as another format.
        #expect(results.map(\.status) == [.added, .added, .failed, .skipped, .added])
        #expect(results[3].duplicateOf == results[0].sample?.id)
        #expect(results[2].input.hasSuffix("broken.docx"))
        #expect(results[2].reason?.contains("broken.docx") == true)

        let essay = try #require(results[0].sample)
        let detail = try ws.samples.show("maren", id: essay.id)
        #expect(detail.text.contains("# The Slow Repair of a Green Bicycle"))
        #expect(detail.text.contains("- A chain tool, bought cheaply and used constantly."))
        for noise in DOCXWriter.noiseWords { #expect(!detail.text.contains(noise)) }
        let file = try String(contentsOf: vault.root.appendingPathComponent(essay.path), encoding: .utf8)
        #expect(file.contains("source_type: docx"))
        #expect(file.contains("author: \(FixtureText.author)"))
        #expect(file.contains("published: 2024-03-18"))

        let chapter = try #require(results[4].sample)
        #expect(chapter.contentType == "book")
        #expect(chapter.title == "Two Pieces: Notes from a Winter Allotment")

        let again = try ws.samples.add("maren", inputs: [dir.file("essay.docx").path])
        #expect(again.first?.status == .skipped)
        #expect(try vault.workspace().index.errors.isEmpty)
        #expect(try vault.git("status", "--porcelain").isEmpty)
    }
}
