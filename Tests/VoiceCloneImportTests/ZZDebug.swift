import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Test func zzDumpPDF() throws {
    let scratch = try ScratchDirectory()
    var writer = PDFWriter(title: FixtureText.title, author: FixtureText.author)
    writer.runningHeader = "The Slow Repair of a Green Bicycle - Maren Holloway"
    writer.linesPerPage = 14
    writer.lineWidth = 40
    let path = scratch.path("essay.pdf")
    try writer.write(FixtureText.essay, to: URL(fileURLWithPath: path))
    try? FileManager.default.removeItem(atPath: "/tmp/probe/essay.pdf"); try FileManager.default.copyItem(atPath: path, toPath: "/tmp/probe/essay.pdf")
    let doc = try DocumentImporter().importSource(path)[0]
    try doc.markdown.write(toFile: "/tmp/probe/essay-pdf.md", atomically: true, encoding: .utf8)
}
