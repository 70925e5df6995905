import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

/// Small hostile documents (issue 15, item 3): each is refused with a clear message instead of a crash,
/// a stack overflow or gigabytes of memory. Every fixture is generated here.
@Suite("Hostile documents")
struct HostileDocumentTests {
    let importer = DocumentImporter()

    private func docx(documentXML: String, at path: String) throws {
        var entries = DOCXWriter(title: "T").entries([.paragraph("placeholder")])
        entries.removeAll { $0.name == "word/document.xml" }
        entries.append(ZipWriter.Entry("word/document.xml", documentXML))
        try ZipWriter.write(entries, to: URL(fileURLWithPath: path))
    }

    @Test func deeplyNestedDOCXIsRefusedNotACrash() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("deep.docx")
        let depth = 40_000
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + String(repeating: "<w:p>", count: depth) + "<w:r><w:t>deep</w:t></w:r>" + String(repeating: "</w:p>", count: depth)
            + "</w:body></w:document>"
        try docx(documentXML: xml, at: path)
        #expect {
            _ = try importer.importSource(path)
        } throws: { error in
            let message = (error as? ImportError)?.localizedDescription ?? ""
            return message.contains("deep") && message.contains("word/document.xml")
        }
    }

    @Test func nestingJustUnderTheLimitStillImports() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("nested.docx")
        // 200 levels of a harmless wrapper element: deep, but real tools produce such files (nested tables, SDTs).
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + String(repeating: "<w:sdt><w:sdtContent>", count: 100)
            + "<w:p><w:r><w:t>Words that are still here after all the wrapping.</w:t></w:r></w:p>"
            + String(repeating: "</w:sdtContent></w:sdt>", count: 100) + "</w:body></w:document>"
        try docx(documentXML: xml, at: path)
        let document = try #require(try importer.importSource(path).first)
        #expect(document.markdown.contains("still here"))
    }

    @Test func entityBombInAnAttributeIsRefusedBeforeParsing() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("bomb.docx")
        var entities = "<!ENTITY a0 \"lolololololololololol\">"
        for level in 1...12 {
            entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [\(entities)]>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p w:rsidR=\"&a12;\"><w:r><w:t>text</w:t></w:r></w:p></w:body></w:document>"
        try docx(documentXML: xml, at: path)
        #expect {
            _ = try importer.importSource(path)
        } throws: { error in
            guard case .entityDeclarations(_, let part)? = error as? ImportError else { return false }
            return part == "word/document.xml" && error.localizedDescription.contains("entit")
        }
    }

    @Test func entityBombInAnEPUBPackageIsRefused() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("bomb.epub")
        var entities = "<!ENTITY a0 \"lolololololololololol\">"
        for level in 1...12 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        try ZipWriter.write([
            ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
            ZipWriter.Entry("META-INF/container.xml", "<?xml version=\"1.0\"?><!DOCTYPE c [\(entities)]><container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"&a12;\"><rootfiles><rootfile full-path=\"c.opf\"/></rootfiles></container>"),
        ], to: URL(fileURLWithPath: path))
        #expect(throws: ImportError.self) { _ = try importer.importSource(path) }
    }

    @Test func expandedSizeIsCheckedAgainstTheTotalBudget() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("big.docx")
        // 3 MB of highly compressible XML under a 1 MB budget: refused as a possible zip bomb, before it is parsed.
        let paragraph = "<w:p><w:r><w:t>" + String(repeating: "word ", count: 200) + "</w:t></w:r></w:p>"
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + String(repeating: paragraph, count: 3_000) + "</w:body></w:document>"
        try docx(documentXML: xml, at: path)
        let small = DocumentImporter(options: ImportOptions(maxUncompressedBytes: 1_048_576))
        #expect {
            _ = try small.importSource(path)
        } throws: { error in
            if case .zipBomb? = error as? ImportError { return true }
            return false
        }
    }

    @Test func deeplyNestedHTMLIsRefused() throws {
        let scratch = try ScratchDirectory()
        let html = "<html><body>" + String(repeating: "<div>", count: 20_000) + "text" + String(repeating: "</div>", count: 20_000) + "</body></html>"
        let path = try scratch.write("deep.html", html)
        #expect(throws: ImportError.self) { _ = try importer.importSource(path) }
    }

    @Test func symbolicLinksAreRefusedDirectlyAndInFolders() throws {
        let scratch = try ScratchDirectory()
        let secret = try scratch.write("outside/secret.txt", "api_key: sk-this-is-not-for-import and other words to make it long enough")
        let folder = scratch.path("folder/real.md")
        try "# Real\n\nA real Markdown note with enough words to import without complaint from anyone.\n".write(toFile: folder, atomically: true, encoding: .utf8)
        let link = scratch.path("folder/link.md")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: secret)
        #expect {
            _ = try importer.importSource(link)
        } throws: { error in
            guard case .symbolicLink(let path, let target)? = error as? ImportError else { return false }
            return path == link && target == secret
        }
        // A folder holding the link: the link is refused by name, never read.
        #expect(try importer.expand(scratch.path("folder")).contains(link))
        #expect(throws: ImportError.self) { _ = try importer.importSource(scratch.path("folder")) }
        // The target named directly is fine.
        #expect(try importer.importSource(secret).count == 1)
    }
}
