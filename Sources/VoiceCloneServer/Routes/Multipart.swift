import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body read in full (the caller bounds its size first) and split into parts.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var data: Data
    }

    var parts: [Part] = []

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    var files: [Part] { parts.filter { $0.filename != nil } }

    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    static func parse(_ buffer: ByteBuffer, boundary: String) throws -> MultipartForm {
        let parser = MultipartParser(boundary: boundary)
        var form = MultipartForm()
        var disposition = ""
        var body = Data()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { chunk in
            body.append(contentsOf: chunk.readableBytesView)
        }
        parser.onPartComplete = {
            let parameters = Self.parameters(of: disposition)
            form.parts.append(Part(name: parameters["name"] ?? "", filename: parameters["filename"], data: body))
            disposition = ""
            body = Data()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw Problem.badRequest("The multipart body cannot be read: check its boundary and part headers.")
        }
        return form
    }

    /// `form-data; name="file"; filename="essay.docx"` → ["name": "file", "filename": "essay.docx"].
    static func parameters(of disposition: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in disposition.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            result[pair[0].lowercased()] = value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return result
    }
}
