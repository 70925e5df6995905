import Foundation

/// What the server answered, after redirects were followed.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Headers of the last response only (those of redirect hops are dropped).
    public var headers: HTTPHeaders
    /// The body; empty for a 2xx streamed transfer, whose bytes went to the chunk callback instead.
    public var body: Data
    /// The URL that finally answered, which import records as the sample's source.
    public var finalURL: String

    public init(status: Int, headers: HTTPHeaders, body: Data, finalURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.finalURL = finalURL
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The media type without parameters, lowercased (`text/html`), or `nil` without a Content-Type.
    public var contentType: String? { headers["Content-Type"].map { MediaType(parsing: $0).type } }

    /// The `charset` parameter of Content-Type, lowercased, when the server gave one.
    public var charset: String? { headers["Content-Type"].flatMap { MediaType(parsing: $0).charset } }

    /// The body as UTF-8 text, with invalid sequences repaired (for error messages and JSON APIs).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
