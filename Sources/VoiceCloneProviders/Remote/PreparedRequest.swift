/// An HTTP request as it would leave the machine, for `--dry-run`: users see exactly which words go to
/// which server. The body is the exact bytes sent; the key in the auth header is replaced by `[redacted]`.
public struct PreparedRequest: Codable, Sendable, Equatable {
    public struct Header: Codable, Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public var provider: String
    public var method: String
    public var url: String
    public var headers: [Header]
    public var body: String

    /// The request as a curl-like text block.
    public var rendered: String {
        var out = "\(method) \(url)\n"
        for header in headers { out += "\(header.name): \(header.value)\n" }
        return out + "\n" + body + "\n"
    }
}
