import Foundation
import Hummingbird

/// An error answer as RFC 9457 problem details (`application/problem+json`). The detail is the same plain
/// sentence the CLI prints; never a stack trace, a path outside the vault's own messages, or a secret.
public struct Problem: Error, Codable, Sendable {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String

    public init(status: HTTPResponse.Status, detail: String, type: String? = nil) {
        self.type = type ?? "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
    }

    static func badRequest(_ detail: String) -> Problem { Problem(status: .badRequest, detail: detail) }
    static func notFound(_ detail: String) -> Problem { Problem(status: .notFound, detail: detail) }

    func response() -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/problem+json"
        SecurityHeaders.apply(to: &fields)
        let data = (try? JSONBody.encoder.encode(self)) ?? Data("{}".utf8)
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
