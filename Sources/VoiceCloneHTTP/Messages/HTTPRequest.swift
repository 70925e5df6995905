import Foundation

/// One HTTP request and the limits it runs under.
///
/// The limits live on the request, not the client, because a web page import and a streamed
/// language-model reply need very different ones (seconds vs minutes, megabytes vs unlimited).
public struct HTTPRequest: Sendable {
    public var url: String
    public var method: String
    public var headers: HTTPHeaders
    public var body: Data?
    /// Seconds allowed to open the connection (DNS + TCP + TLS).
    public var connectTimeout: TimeInterval
    /// Seconds allowed for the whole transfer, redirects included; `nil` for no overall limit (streams).
    public var totalTimeout: TimeInterval?
    /// Seconds without a single byte received after which the transfer is abandoned; `nil` to wait as long
    /// as `totalTimeout` allows. Catches servers that stall mid-stream.
    public var idleTimeout: TimeInterval?
    /// Redirects followed before giving up; 0 refuses every redirect (the 3xx response is returned as is).
    public var maxRedirects: Int
    /// Largest body accepted, in bytes; a larger one aborts the transfer with `HTTPError.bodyTooLarge`.
    public var maxBodyBytes: Int
    /// Schemes accepted for the first URL and every redirect (lowercase).
    public var allowedSchemes: Set<String>
    /// Ask for gzip/deflate and decode it transparently.
    public var acceptCompressed: Bool

    public init(
        url: String,
        method: String = "GET",
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data? = nil,
        connectTimeout: TimeInterval = 10,
        totalTimeout: TimeInterval? = 60,
        idleTimeout: TimeInterval? = nil,
        maxRedirects: Int = 5,
        maxBodyBytes: Int = 20 * 1024 * 1024,
        allowedSchemes: Set<String> = ["http", "https"],
        acceptCompressed: Bool = true
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.idleTimeout = idleTimeout
        self.maxRedirects = maxRedirects
        self.maxBodyBytes = maxBodyBytes
        self.allowedSchemes = allowedSchemes
        self.acceptCompressed = acceptCompressed
    }

    /// A JSON POST, the shape every language-model API call takes.
    public static func postJSON(url: String, body: Data, headers: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        var request = HTTPRequest(url: url, method: "POST", headers: headers, body: body)
        if request.headers["Content-Type"] == nil { request.headers.add("Content-Type", "application/json") }
        return request
    }
}
