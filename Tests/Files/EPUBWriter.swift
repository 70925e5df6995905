import Foundation

/// Writes EPUB 3 books from fixture chapters: mimetype stored first, container, OPF with spine, a nav
/// document outside the spine, one XHTML file per chapter in a subfolder (so hrefs must be resolved).
public struct EPUBWriter: Sendable {
    public var title: String
    public var author: String?
    public var date: String?
    /// Leave the `<spine>` out, to test that error.
    public var omitSpine = false

    public init(title: String, author: String? = nil, date: String? = nil) {
        self.title = title
        self.author = author
        self.date = date
    }

    public func write(chapters: [[FixtureText.Block]], to url: URL) throws {
        var entries = [
            ZipWriter.Entry("mimetype", "application/epub+zip", stored: true),
            ZipWriter.Entry("META-INF/container.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
            """),
        ]
        var manifest = "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
        var spine = ""
        var navItems = ""
        // Listed in the manifest in reverse so only the spine can give the right order.
        for index in chapters.indices.reversed() {
            manifest += "<item id=\"ch\(index + 1)\" href=\"Text/chapter%20\(index + 1).xhtml\" media-type=\"application/xhtml+xml\"/>"
        }
        for (index, chapter) in chapters.enumerated() {
            spine += "<itemref idref=\"ch\(index + 1)\"/>"
            navItems += "<li><a href=\"Text/chapter%20\(index + 1).xhtml\">Contents entry \(index + 1)</a></li>"
            entries.append(ZipWriter.Entry("OEBPS/Text/chapter \(index + 1).xhtml", chapterXHTML(chapter)))
        }
        var metadata = "<dc:title>\(DOCXWriter.escape(title))</dc:title><dc:identifier id=\"uid\">urn:uuid:00000000-0000-4000-8000-000000000001</dc:identifier><dc:language>en</dc:language>"
        if let author { metadata += "<dc:creator>\(DOCXWriter.escape(author))</dc:creator>" }
        if let date { metadata += "<dc:date>\(date)</dc:date>" }
        entries.append(ZipWriter.Entry("OEBPS/content.opf", """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\(metadata)</metadata><manifest>\(manifest)</manifest>\(omitSpine ? "" : "<spine>\(spine)</spine>")</package>
        """))
        entries.append(ZipWriter.Entry("OEBPS/nav.xhtml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body><nav epub:type="toc"><ol>\(navItems)</ol></nav></body></html>
        """))
        try ZipWriter.write(entries, to: url)
    }

    private func chapterXHTML(_ blocks: [FixtureText.Block]) -> String {
        var body = ""
        var inList = false
        for block in blocks {
            if case .listItem = block {
                if !inList { body += "<ul>" }
                inList = true
            } else if inList {
                body += "</ul>"
                inList = false
            }
            switch block {
            case .heading(let text, let level): body += "<h\(level)>\(DOCXWriter.escape(text))</h\(level)>\n"
            case .paragraph(let text): body += "<p>\(DOCXWriter.escape(text))</p>\n"
            case .listItem(let text): body += "<li>\(DOCXWriter.escape(text))</li>"
            }
        }
        if inList { body += "</ul>" }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>\(DOCXWriter.escape(title))</title><link rel="stylesheet" href="../style.css"/></head>
        <body><section>\(body)</section></body></html>
        """
    }
}
