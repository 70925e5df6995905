import CPoppler
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

    /// The text of one page in reading order, lines separated by "\n" (poppler's own text layout analysis).
    func text(ofPage index: Int) -> String {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { vc_g_object_unref(UnsafeMutableRawPointer(page)) }
        return Self.take(poppler_page_get_text(page)) ?? ""
    }

    private static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { vc_g_free(pointer) }
        let value = String(cString: pointer).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
