import Foundation
import VoiceCloneImport
import VoiceCloneTestFiles

/// Times PDF import against `pdftotext` (poppler-utils) on the same generated book.
///
/// The book is built from the import fixtures' essay, shuffled by a seeded generator into `pages` pages
/// with running headers, page numbers and hyphenated breaks, so the cleaning work is realistic.
/// Each side runs three times; the fastest run counts (least disturbed by other work on the machine).
func runPDFImportBenchmark(pages: Int) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("voiceclone-pdf-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    var writer = PDFWriter(title: "Benchmark Book", author: "Voice Clone")
    writer.runningHeader = "Benchmark Book - a generated volume"
    writer.linesPerPage = 44
    let lines = bookLines(pages: pages, writer: writer)
    let pdf = directory.appendingPathComponent("book.pdf")
    try writer.pdf(lines: lines).write(to: pdf)
    let bytes = (try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0

    let importer = DocumentImporter()
    var imported: [ImportedDocument] = []
    let ours = try fastest(of: 3) {
        imported = try importer.importSource(pdf.path)
    }
    let words = imported.first?.wordCount ?? 0
    let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    var report = """
    PDF import benchmark: \(pages) pages, \(bytes / 1024) KB, \(words) words extracted
      voiceclone import   \(String(format: "%8.3f", ours)) s  (best of 3)
    """
    guard let tool else {
        return report + "\n  pdftotext           not installed (apt-get install poppler-utils); no ratio"
    }
    let output = directory.appendingPathComponent("book.txt").path
    let reference = try fastest(of: 3) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [pdf.path, output]
        try process.run()
        process.waitUntilExit()
    }
    report += "\n  pdftotext           \(String(format: "%8.3f", reference)) s  (best of 3)"
    report += "\n  ratio               \(String(format: "%8.2f", ours / reference))x pdftotext (target <= 1.50x)"
    return report
}

/// Body lines for a book of about `pages` pages: essay paragraphs in a seeded order.
private func bookLines(pages: Int, writer: PDFWriter) -> [String] {
    var generator = SplitMix64(seed: 2024)
    let paragraphs = FixtureText.essay + FixtureText.shortPiece
    var lines: [String] = []
    let target = pages * writer.linesPerPage
    while lines.count < target {
        let block = paragraphs[Int(generator.next() % UInt64(paragraphs.count))]
        let more = writer.lines(for: [block])
        if !lines.isEmpty { lines.append("") }
        lines.append(contentsOf: more)
    }
    return Array(lines.prefix(target))
}

private func fastest(of runs: Int, _ body: () throws -> Void) throws -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

