import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, as an HTML form without JavaScript posts it.
struct FormBody: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    static func read(_ request: Request, limit: Int) async throws -> FormBody {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw Problem(status: .unsupportedMediaType, detail: "Send this form as application/x-www-form-urlencoded (as a browser does).")
        }
        let buffer = try await request.body.collect(upTo: limit)
        return FormBody(String(decoding: Data(buffer: buffer), as: UTF8.self))
    }

    init(_ encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            pairs.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    /// The first value of a field, trimmed; nil when absent or blank.
    func field(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// The value exactly as typed (for texts whose line breaks matter), or nil.
    func text(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every non-blank value of a field a form repeats (checkboxes sharing a name), in the order sent.
    func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    func checked(_ name: String) -> Bool {
        field(name).map { ["1", "on", "yes", "true"].contains($0.lowercased()) } ?? false
    }
}
