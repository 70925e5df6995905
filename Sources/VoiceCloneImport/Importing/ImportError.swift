import Foundation

/// Why a source could not be imported. Every message names the file or URL, says what is wrong,
/// and what the user can do about it.
public enum ImportError: Error, Equatable, Sendable {
    case notFound(String)
    case unreadable(String, reason: String)
    case fileTooLarge(String, bytes: Int, limit: Int)
    case unsupportedExtension(String)
    case binaryFile(String)
    case invalidUTF8(String, byteOffset: Int)
    case encryptedPDF(String)
    case corruptPDF(String, reason: String)
    case scannedPDF(String, pages: Int)
    case corruptArchive(String, reason: String)
    case notDOCX(String, reason: String)
    case notEPUB(String, reason: String)
    case epubWithoutSpine(String)
    case zipBomb(String, entry: String, limit: Int)
    case malformedXML(String, part: String, reason: String)
    case noText(String)
    case textTooShort(String, words: Int, minimum: Int)
    case httpStatus(String, status: Int)
    case hostNotFound(String, host: String)
    case timedOut(String, seconds: Double)
    case notHTML(String, contentType: String)
    case downloadTooLarge(String, limit: Int)
    case unsupportedURL(String)
    case download(String, reason: String)
    /// A file named directly, or found in a folder, is a symbolic link: never followed.
    case symbolicLink(String, target: String?)
    case documentTooDeep(String, part: String, limit: Int)
    case entityDeclarations(String, part: String)
    case textTooLarge(String, bytes: Int, limit: Int)
}

extension ImportError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder. Check the path."
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason)). Check its permissions."
        case .fileTooLarge(let path, let bytes, let limit):
            return "\(path) is \(Self.megabytes(bytes)), above the \(Self.megabytes(limit)) import limit. Split it into smaller files, or export just the part you wrote."
        case .unsupportedExtension(let path):
            let ext = URL(fileURLWithPath: path).pathExtension
            let what = ext.isEmpty ? "has no extension" : "has the unsupported extension .\(ext)"
            return "\(path) \(what). Supported: \(SourceFormat.supportedList), folders, and http(s) URLs. Convert or rename the file."
        case .binaryFile(let path):
            return "\(path) looks like a binary file, not text. Export it as .txt, .md, .docx or .pdf first."
        case .invalidUTF8(let path, let offset):
            return "\(path) is not valid UTF-8 (first bad byte at offset \(offset)). Re-save it as UTF-8 in your editor; nothing was guessed or imported."
        case .encryptedPDF(let path):
            return "\(path) is an encrypted, password-protected PDF. Remove the password (print or export to a new PDF) and import that."
        case .corruptPDF(let path, let reason):
            return "\(path) is not a readable PDF (\(reason)). Re-export it from the program that made it."
        case .scannedPDF(let path, let pages):
            return "\(path) has \(pages) page(s) but no text layer: it looks scanned. Run OCR on it (for example with ocrmypdf) and import the result."
        case .corruptArchive(let path, let reason):
            return "\(path) is a damaged zip archive (\(reason)). Re-save it from the program that made it."
        case .notDOCX(let path, let reason):
            return "\(path) is not a Word .docx document (\(reason)). Open it in Word or LibreOffice and save it as .docx."
        case .notEPUB(let path, let reason):
            return "\(path) is not a valid EPUB (\(reason)). Re-export the book, or convert it with Calibre."
        case .epubWithoutSpine(let path):
            return "\(path): the EPUB has no spine (no reading order), so its chapters cannot be found. Repair it with Calibre or Sigil and import again."
        case .zipBomb(let path, let entry, let limit):
            return "\(path): \(entry) would expand past the \(Self.megabytes(limit)) limit for unzipped content, so it was not read (a possible zip bomb). Import a smaller document."
        case .malformedXML(let path, let part, let reason):
            return "\(path): \(part) is not well-formed XML (\(reason)). Re-save the document from its editor."
        case .noText(let source):
            return "\(source) contains no text to import."
        case .textTooShort(let source, let words, let minimum):
            return "\(source): only \(words) word(s) of text were found, fewer than the \(minimum) a writing sample needs. If that page is right, copy the text into a .md file and import that."
        case .httpStatus(let url, let status):
            return "\(url): the server answered HTTP \(status)\(Self.statusPhrase(status)). Check the address, or try again later if it is a server error."
        case .hostNotFound(let url, let host):
            return "\(url): could not resolve host \"\(host)\". Check the address and your network connection."
        case .timedOut(let url, let seconds):
            return "\(url): no complete answer within \(Int(seconds.rounded())) s. The server is slow or unreachable; try again later."
        case .notHTML(let url, let contentType):
            return "\(url) is \(contentType), not an HTML page. Download the file and import it by path instead."
        case .downloadTooLarge(let url, let limit):
            return "\(url): the page is larger than the \(Self.megabytes(limit)) download limit. Save the article's text to a file and import that."
        case .unsupportedURL(let url):
            return "\(url): only http:// and https:// addresses can be imported."
        case .download(let url, let reason):
            return "\(url): download failed: \(reason)"
        case .symbolicLink(let path, let target):
            return "\(path) is a symbolic link\(target.map { " to \($0)" } ?? ""); links are not followed. Name the file it points to directly if you mean to import it."
        case .documentTooDeep(let path, let part, let limit):
            return "\(path): \(part) nests elements more than \(limit) levels deep, which no real document does (a hostile file?); it was not imported. Re-save the document from its editor."
        case .entityDeclarations(let path, let part):
            return "\(path): \(part) declares XML entities, which Word and EPUB files never need (a possible entity bomb); it was not imported. Re-save the document from its editor."
        case .textTooLarge(let source, let bytes, let limit):
            return "\(source) yields \(Self.megabytes(bytes)) of text, above the \(Self.megabytes(limit)) limit for one sample. Split the document and import the parts."

        }
    }

    private static func statusPhrase(_ status: Int) -> String {
        switch status {
        case 400: return " (bad request)"
        case 401: return " (login required)"
        case 403: return " (forbidden: the page may need a login)"
        case 404: return " (not found)"
        case 410: return " (gone)"
        case 429: return " (too many requests)"
        case 500..<600: return " (server error)"
        default: return ""
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
