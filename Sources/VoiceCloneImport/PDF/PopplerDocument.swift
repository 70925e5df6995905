internal import CPoppler
import Foundation

/// The only file that touches poppler-glib: opens a PDF and hands out metadata and per-page text.
final class PopplerDocument {
    enum Failure: Error {
        case encrypted
        case unreadable(String)
    }

    private let document: OpaquePointer

    init(path: String) throws {
        let uri = URL(fileURLWithPath: path).absoluteString
        var error: UnsafeMutablePointer<GError>?
        guard let opened = poppler_document_new_from_file(uri, nil, &error) else {
            defer { if error != nil { g_error_free(error) } }
            if let error, error.pointee.domain == poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw Failure.encrypted
            }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler could not open it"
            throw Failure.unreadable(message)
        }
        document = opened
    }

    deinit { vc_g_object_unref(UnsafeMutableRawPointer(document)) }

    var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    var title: String? { Self.take(poppler_document_get_title(document)) }
    var author: String? { Self.take(poppler_document_get_author(document)) }

    /// Creation date from the Info dictionary, or `nil` when absent.
    var creationDate: Date? {
        let seconds = poppler_document_get_creation_date(document)
        return seconds > 0 ? Date(timeIntervalSince1970: TimeInterval(seconds)) : nil
    }

    /// The text of one page in reading order, lines separated by "\n" (poppler's own layout analysis),
    /// with each line's position so paragraph breaks can be told from wrapped lines.
    func lines(ofPage index: Int) -> [PDFLine] {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return [] }
        defer { vc_g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let text = Self.takeRaw(poppler_page_get_text(page)) else { return [] }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        let hasLayout = poppler_page_get_text_layout(page, &rectangles, &count) != 0
        defer { if let rectangles { vc_g_free(rectangles) } }
        let scalars = Array(text.unicodeScalars)
        // One rectangle per character of the text; without that correspondence, fall back to text alone.
        let boxes: UnsafeBufferPointer<PopplerRectangle>? = hasLayout && Int(count) == scalars.count && rectangles != nil
            ? UnsafeBufferPointer(start: rectangles, count: Int(count)) : nil

        var lines: [PDFLine] = []
        var current = String.UnicodeScalarView()
        var box: (x: Double, top: Double, bottom: Double)?
        func finish() {
            lines.append(PDFLine(text: String(current), x: box?.x, top: box?.top, bottom: box?.bottom))
            current = String.UnicodeScalarView()
            box = nil
        }
        for (offset, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                finish()
                continue
            }
            current.append(scalar)
            if let boxes, scalar != " " {
                let r = boxes[offset]
                if let b = box {
                    box = (b.x, min(b.top, r.y1), max(b.bottom, r.y2))
                } else {
                    box = (r.x1, r.y1, r.y2)
                }
            }
        }
        if !current.isEmpty { finish() }
        return lines
    }

    private static func takeRaw(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { vc_g_free(pointer) }
        return String(cString: pointer)
    }

    private static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { vc_g_free(pointer) }
        let value = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
