import Foundation

/// One request the loopback server received, recorded so tests can assert what a client sent.
public struct LoopbackRequest: Sendable {
    public var method: String
    /// The request target as sent, query included (`/v1/chat?x=1`).
    public var target: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// The target without its query string (`/v1/chat`).
    public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

    /// The first value of a header, whatever its case.
    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name.lowercased() == key }?.value
    }

    /// The body decoded as UTF-8.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, or `nil` if it is not one.
    public var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// Every header line as sent, for "this secret appears nowhere" checks.
    public var rawHeaderText: String { headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n") }
}
