import Foundation

/// Writes .docx files from fixture blocks, with the things import must leave out mixed in:
/// a table, a comment, a tracked deletion and a field code. Bold and italic phrases are marked up
/// as Word does (separate runs with `w:b` / `w:i`).
public struct DOCXWriter: Sendable {
    public var title: String?
    public var author: String?
    /// `2024-03-18T09:30:00Z`
    public var created: String?
    public var boldPhrases: [String] = []
    public var italicPhrases: [String] = []
    /// Words that appear only in the table, comment, deletion and field code (must not be imported).
    public static let noiseWords = ["Quarterly", "spreadsheet", "Reviewer", "remark", "obsolete", "MERGEFIELD", "CustomerName"]
    public var includeNoise = true

    public init(title: String? = nil, author: String? = nil, created: String? = nil) {
        self.title = title
        self.author = author
        self.created = created
    }

    public func write(_ blocks: [FixtureText.Block], to url: URL) throws {
        try ZipWriter.write(entries(blocks), to: url)
    }

    public func entries(_ blocks: [FixtureText.Block]) -> [ZipWriter.Entry] {
        var entries = [
            ZipWriter.Entry("[Content_Types].xml", Self.contentTypes),
            ZipWriter.Entry("_rels/.rels", Self.rootRels),
            ZipWriter.Entry("word/_rels/document.xml.rels", Self.documentRels),
            ZipWriter.Entry("word/document.xml", documentXML(blocks)),
            ZipWriter.Entry("word/styles.xml", Self.styles),
            ZipWriter.Entry("word/comments.xml", Self.comments),
        ]
        entries.append(ZipWriter.Entry("docProps/core.xml", coreXML()))
        return entries
    }

    public func documentXML(_ blocks: [FixtureText.Block]) -> String {
        var body = ""
        for (index, block) in blocks.enumerated() {
            switch block {
            case .heading(let text, let level):
                body += "<w:p><w:pPr><w:pStyle w:val=\"Heading\(level)\"/></w:pPr>\(Self.run(text))</w:p>\n"
            case .listItem(let text):
                body += "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>\(runs(text))</w:p>\n"
            case .paragraph(let text):
                var inner = runs(text)
                if includeNoise && index == 1 {
                    inner = "<w:commentRangeStart w:id=\"0\"/>" + inner + "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"
                        + "<w:del w:id=\"1\" w:author=\"Editor\"><w:r><w:delText xml:space=\"preserve\"> An obsolete sentence was cut here.</w:delText></w:r></w:del>"
                        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> MERGEFIELD CustomerName </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                }
                body += "<w:p><w:pPr><w:spacing w:after=\"160\"/></w:pPr>\(inner)</w:p>\n"
                if includeNoise && index == 2 {
                    body += "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Quarterly</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>spreadsheet figures</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\n"
                }
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <w:body>
        \(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
        </w:body>
        </w:document>
        """
    }

    /// Splits the text into runs, making the configured phrases bold or italic.
    private func runs(_ text: String) -> String {
        var pieces: [(String, String)] = [(text, "")]
        for (phrases, property) in [(boldPhrases, "<w:b/>"), (italicPhrases, "<w:i/>")] {
            for phrase in phrases {
                pieces = pieces.flatMap { piece -> [(String, String)] in
                    guard piece.1.isEmpty, let range = piece.0.range(of: phrase) else { return [piece] }
                    return [(String(piece.0[..<range.lowerBound]), ""), (phrase, property), (String(piece.0[range.upperBound...]), "")]
                }
            }
        }
        return pieces.filter { !$0.0.isEmpty }.map { text, property in
            let rPr = property.isEmpty ? "" : "<w:rPr>\(property)</w:rPr>"
            return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(Self.escape(text))</w:t></w:r>"
        }.joined()
    }

    private static func run(_ text: String) -> String {
        "<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func coreXML() -> String {
        var fields = ""
        if let title { fields += "<dc:title>\(Self.escape(title))</dc:title>" }
        if let author { fields += "<dc:creator>\(Self.escape(author))</dc:creator>" }
        if let created { fields += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(created)</dcterms:created>" }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\(fields)</cp:coreProperties>
        """
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
    """
    static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
    """
    static let documentRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>
    """
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>
    """
    static let comments = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>Reviewer remark about punctuation.</w:t></w:r></w:p></w:comment></w:comments>
    """
}
