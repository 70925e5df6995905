import Foundation

/// Writes small, valid PDFs by hand (Helvetica text, several pages) so PDF import can be tested on
/// files whose exact words are known: running headers, page numbers and hyphenated line breaks included.
public struct PDFWriter: Sendable {
    public var title: String?
    public var author: String?
    /// `D:YYYYMMDDHHmmSS` creation date for the Info dictionary.
    public var creationDate: String?
    /// Printed at the top of every page (a running header), if set.
    public var runningHeader: String?
    /// Print the page number at the bottom of every page.
    public var pageNumbers = true
    /// Characters per line before wrapping.
    public var lineWidth = 78
    /// Lines of body text per page (blank separator lines included).
    public var linesPerPage = 44
    /// Split long words at line ends with a hyphen, as typeset books do.
    public var hyphenate = true
    /// Pages with no text at all, as a scanner would produce (images only, here nothing).
    public var textless = false
    /// Add an /Encrypt dictionary that the empty password cannot open.
    public var encrypted = false

    public init(title: String? = nil, author: String? = nil) {
        self.title = title
        self.author = author
    }

    /// Lays the blocks out as lines: headings and paragraphs separated by a blank line.
    public func lines(for blocks: [FixtureText.Block]) -> [String] {
        var lines: [String] = []
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            switch block {
            case .heading(let text, _): lines.append(contentsOf: wrap(text))
            case .paragraph(let text): lines.append(contentsOf: wrap(text))
            case .listItem(let text): lines.append(contentsOf: wrap("- " + text))
            }
        }
        return lines
    }

    /// Greedy wrapping; a long word that does not fit is split with a hyphen when both halves have 3+ letters.
    public func wrap(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if candidate.count <= lineWidth {
                line = candidate
                continue
            }
            let room = lineWidth - line.count - (line.isEmpty ? 0 : 1) - 1
            let letters = word.allSatisfy { $0.isLetter }
            if hyphenate, letters, word.count >= 7, room >= 3, word.count - room >= 3 {
                let head = String(word.prefix(room))
                lines.append(line.isEmpty ? head + "-" : line + " " + head + "-")
                line = String(word.dropFirst(room))
            } else {
                if !line.isEmpty { lines.append(line) }
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The PDF bytes for these body lines, split into pages.
    public func pdf(lines: [String]) -> Data {
        var pages: [[String]] = []
        var index = 0
        while index < lines.count {
            var end = min(lines.count, index + linesPerPage)
            // Orphan control, as typesetters do: a block's first line (a heading, say) never ends a page alone.
            var last = end - 1
            while last > index, lines[last].isEmpty { last -= 1 }
            if end < lines.count, last - index > 2, lines[last - 1].isEmpty { end = last }
            var page = Array(lines[index..<end])
            index = end
            while page.first == "" { page.removeFirst() }
            pages.append(page)
        }
        if pages.isEmpty { pages = [[]] }

        var objects: [Data] = []
        // 1 catalog, 2 pages, 3 font, 4 info, 5 encrypt (placeholder when unused), then page/content pairs.
        let pageIDs = (0..<pages.count).map { 6 + 2 * $0 }
        objects.append(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        objects.append(Data("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>".utf8))
        objects.append(Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        var info = Data("<< /Producer (voiceclone test fixture)".utf8)
        if let title { info.append(Data(" /Title ".utf8)); info.append(Self.literal(title)) }
        if let author { info.append(Data(" /Author ".utf8)); info.append(Self.literal(author)) }
        if let creationDate { info.append(Data(" /CreationDate (\(creationDate))".utf8)) }
        info.append(Data(" >>".utf8))
        objects.append(info)
        let hex32 = String(repeating: "5A", count: 32)
        objects.append(Data("<< /Filter /Standard /V 1 /R 2 /O <\(hex32)> /U <\(String(repeating: "A5", count: 32))> /P -4 >>".utf8))

        for (number, page) in pages.enumerated() {
            var stream = Data()
            if !textless {
                var y = 720
                if let runningHeader {
                    stream.append(Self.textLine(runningHeader, x: 72, y: 756, size: 9))
                }
                for line in page {
                    if !line.isEmpty { stream.append(Self.textLine(line, x: 72, y: y, size: 11)) }
                    y -= 14
                }
                if pageNumbers {
                    stream.append(Self.textLine(String(number + 1), x: 300, y: 40, size: 9))
                }
            } else {
                stream.append(Data("0.9 g 72 72 468 648 re f\n".utf8))
            }
            let contentID = pageIDs[number] + 1
            objects.append(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(contentID) 0 R >>".utf8))
            var content = Data("<< /Length \(stream.count) >>\nstream\n".utf8)
            content.append(stream)
            content.append(Data("\nendstream".utf8))
            objects.append(content)
        }

        var output = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.count)
            output.append(Data("\(index + 1) 0 obj\n".utf8))
            output.append(object)
            output.append(Data("\nendobj\n".utf8))
        }
        let xref = output.count
        output.append(Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8))
        for offset in offsets {
            output.append(Data(String(format: "%010d 00000 n \n", offset).utf8))
        }
        var trailer = "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 4 0 R"
        if encrypted { trailer += " /Encrypt 5 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]" }
        trailer += " >>\nstartxref\n\(xref)\n%%EOF\n"
        output.append(Data(trailer.utf8))
        return output
    }

    /// Writes the blocks as a PDF at `url`.
    public func write(_ blocks: [FixtureText.Block], to url: URL) throws {
        try pdf(lines: lines(for: blocks)).write(to: url)
    }

    private static func textLine(_ text: String, x: Int, y: Int, size: Int) -> Data {
        var data = Data("BT /F1 \(size) Tf \(x) \(y) Td ".utf8)
        data.append(literal(text))
        data.append(Data(" Tj ET\n".utf8))
        return data
    }

    /// A PDF literal string in WinAnsi (cp1252) bytes, with `\`, `(` and `)` escaped.
    private static func literal(_ text: String) -> Data {
        var data = Data("(".utf8)
        let bytes = text.data(using: .windowsCP1252, allowLossyConversion: true) ?? Data(text.utf8)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"):
                data.append(UInt8(ascii: "\\"))
                data.append(byte)
            case 0x20..<0x7F:
                data.append(byte)
            default:
                data.append(Data(String(format: "\\%03o", byte).utf8))
            }
        }
        data.append(Data(")".utf8))
        return data
    }
}
