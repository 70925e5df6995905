import Foundation
import Hummingbird

/// One `text/event-stream` message: an event name and one line of JSON.
struct ServerSentEvent: Sendable {
    var name: String
    var data: String

    init<T: Encodable>(name: String, value: T) {
        self.name = name
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        data = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    var wireFormat: String { "event: \(name)\ndata: \(data)\n\n" }

    /// A streaming response that writes each event as it arrives and ends with the sequence.
    static func response<S: AsyncSequence & Sendable>(_ events: S) -> Response where S.Element == ServerSentEvent {
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream; charset=utf-8"
        SecurityHeaders.apply(to: &fields)
        let body = ResponseBody { writer in
            for try await event in events {
                try await writer.write(ByteBuffer(string: event.wireFormat))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: fields, body: body)
    }
}
