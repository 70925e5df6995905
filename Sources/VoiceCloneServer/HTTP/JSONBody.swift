import Foundation
import Hummingbird
import VoiceCloneAnalysis

/// Responses in exactly the CLI's `--json` shapes: the same Encodable types from Kit, encoded with the same
/// settings as the CLI's `Output.json` (snake_case, sorted keys), or the DNA's canonical bytes.
enum JSONBody {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        raw(try encoder.encode(value), status: status)
    }

    /// For the DNA file and other canonical JSON, sent byte for byte.
    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        SecurityHeaders.apply(to: &fields)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func canonical<T: Encodable>(_ value: T) throws -> Response {
        raw(try CanonicalJSON.encode(value))
    }

    /// Decodes a JSON request body read up to `limit` bytes. Only `application/json` is accepted, so an HTML
    /// form on another site cannot forge a request (forms cannot send that type without CORS preflight).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the request body as application/json.")
        }
        let buffer = try await request.body.collect(upTo: limit)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw Problem.badRequest("The JSON body does not fit this endpoint: \(describe(error))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the body" : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context): return "\(path(context.codingPath)) is not valid JSON"
        @unknown default: return "it cannot be read"
        }
    }
}

/// Headers on every answer: nothing is cached, sniffed, framed or allowed to load from elsewhere.
/// No `Access-Control-*` header is ever sent: other origins get no access (no CORS).
enum SecurityHeaders {
    static func apply(to fields: inout HTTPFields) {
        fields[.cacheControl] = "no-store"
        fields[.xContentTypeOptions] = "nosniff"
        fields[HTTPFields.Element.Name("X-Frame-Options")!] = "DENY"
        fields[HTTPFields.Element.Name("Referrer-Policy")!] = "no-referrer"
        fields[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
    }
}
