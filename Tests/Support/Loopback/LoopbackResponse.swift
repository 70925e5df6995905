import Foundation

/// A scripted answer: status, headers, and a body sent as one piece or as several pieces with pauses.
public struct LoopbackResponse: Sendable {
    /// A piece of the body, or a pause before the next piece (for streams and slow servers).
    public enum Part: Sendable {
        case bytes(Data)
        case pause(TimeInterval)
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var parts: [Part]
    /// Send the body with `Transfer-Encoding: chunked`, one HTTP chunk per `.bytes` part (as SSE servers do).
    public var chunked: Bool
    /// Say nothing at all for this many seconds, then close: a server that accepted but hangs.
    public var silenceBeforeHead: TimeInterval

    public init(
        status: Int = 200,
        headers: [(name: String, value: String)] = [],
        parts: [Part] = [],
        chunked: Bool = false,
        silenceBeforeHead: TimeInterval = 0
    ) {
        self.status = status
        self.headers = headers
        self.parts = parts
        self.chunked = chunked
        self.silenceBeforeHead = silenceBeforeHead
    }

    public static func bytes(_ data: Data, status: Int = 200, contentType: String) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", contentType)], parts: [.bytes(data)])
    }

    public static func text(_ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8") -> LoopbackResponse {
        bytes(Data(text.utf8), status: status, contentType: contentType)
    }

    public static func html(_ html: String, status: Int = 200) -> LoopbackResponse {
        text(html, status: status, contentType: "text/html; charset=utf-8")
    }

    public static func json(_ json: String, status: Int = 200) -> LoopbackResponse {
        text(json, status: status, contentType: "application/json")
    }

    /// A redirect to `location` (absolute, or a path on this server).
    public static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location), ("Content-Type", "text/plain")], parts: [.bytes(Data("moved".utf8))])
    }

    /// Accepts the connection and sends nothing for `seconds`.
    public static func stall(_ seconds: TimeInterval) -> LoopbackResponse {
        LoopbackResponse(silenceBeforeHead: seconds)
    }

    /// Server-sent events: each string is sent as its own chunk, `interval` seconds apart.
    /// Pass complete event text (`"data: {...}\n\n"`), or fragments to test events split across chunks.
    public static func sse(_ pieces: [String], interval: TimeInterval = 0.02) -> LoopbackResponse {
        var parts: [Part] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0, interval > 0 { parts.append(.pause(interval)) }
            parts.append(.bytes(Data(piece.utf8)))
        }
        return LoopbackResponse(
            status: 200,
            headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")],
            parts: parts,
            chunked: true
        )
    }

    /// The body in several chunks with a pause between them (a slow server).
    public static func slow(_ pieces: [String], interval: TimeInterval, contentType: String = "text/html; charset=utf-8") -> LoopbackResponse {
        var response = sse(pieces, interval: interval)
        response.headers = [("Content-Type", contentType)]
        return response
    }

    /// A copy with one more header.
    public func with(header name: String, _ value: String) -> LoopbackResponse {
        var copy = self
        copy.headers.append((name: name, value: value))
        return copy
    }

    /// The bytes of the body, pauses left out.
    public var bodyData: Data {
        parts.reduce(into: Data()) { data, part in if case .bytes(let bytes) = part { data.append(bytes) } }
    }
}
