import Foundation
import VoiceCloneText

/// Plain text and Markdown files: validated as UTF-8 (never guessed), line endings normalised,
/// a Markdown file's own front matter set aside (its title is kept).
struct TextFileImporter {
    let format: SourceFormat

    func importFile(at path: String, data: Data) throws -> ImportedDocument {
        var text = try Self.decode(data, path: path)
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var warnings: [String] = []
        var title: String?
        if format == .markdown, let split = Self.splitFrontMatter(text) {
            text = split.body
            title = split.title
            warnings.append("its YAML front matter was set aside; the sample gets new front matter")
        }
        let blocks = text.components(separatedBy: "\n\n").map { block in
            block.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).replacingOccurrences(of: "\t", with: "    ").trimmingTrailingWhitespace() }
                .joined(separator: "\n")
        }
        let markdown = MarkdownText.join(blocks)
        guard !markdown.isEmpty else { throw ImportError.noText(path) }
        if title == nil, format == .markdown {
            title = markdown.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmed() }
        }
        return ImportedDocument(
            title: title ?? FileTitle.fromPath(path),
            markdown: markdown,
            sourceType: format.sourceType,
            source: path,
            warnings: warnings
        )
    }

    /// UTF-8 (BOM optional) or UTF-16 with a BOM; anything else is refused with the offset of the first bad byte.
    static func decode(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw ImportError.binaryFile(path) }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if body.prefix(8192).contains(0) { throw ImportError.binaryFile(path) }
        if let offset = firstInvalidUTF8(body) {
            throw ImportError.invalidUTF8(path, byteOffset: offset + (body.count == bytes.count ? 0 : 3))
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and truncation included), or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }

    /// Front matter between `---` lines at the very top; returns the body and a `title:` value if present.
    static func splitFrontMatter(_ text: String) -> (body: String, title: String?)? {
        let block = FrontMatterBlock(text)
        guard let yaml = block.yaml else { return nil }
        var title: String?
        for line in yaml.split(separator: "\n") where line.hasPrefix("title:") {
            var value = line.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty { title = value }
        }
        return (String(block.body), title)
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
