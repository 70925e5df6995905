import Foundation

/// An incremental parser for `text/event-stream` (the WHATWG server-sent events format).
///
/// Network chunks end anywhere: inside a line, between a CR and its LF, inside a multi-byte UTF-8
/// character. The parser therefore keeps raw bytes until a line ends, and only then decodes it, so an
/// event split over any number of chunks comes out exactly as if it had arrived whole.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var eventType: String?
    private var dataLines: [String] = []
    private var lastID: String?
    /// A CR ended the previous chunk; an LF at the start of the next one belongs to it.
    private var pendingCR = false
    private var atStart = true

    public init() {}

    /// Feeds the next chunk and returns the events it completed, in order.
    public mutating func feed(_ chunk: Data) -> [SSEEvent] {
        var events: [SSEEvent] = []
        for byte in chunk {
            if pendingCR {
                pendingCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0D:
                pendingCR = true
                endLine(into: &events)
            case 0x0A:
                endLine(into: &events)
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream: a last event the server did not close with a blank line is still delivered,
    /// because several OpenAI-compatible servers end their stream without one.
    public mutating func finish() -> [SSEEvent] {
        var events: [SSEEvent] = []
        if !line.isEmpty { endLine(into: &events) }
        dispatch(into: &events)
        return events
    }

    private mutating func endLine(into events: inout [SSEEvent]) {
        var bytes = line[...]
        line.removeAll(keepingCapacity: true)
        if atStart {
            atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty {
            dispatch(into: &events)
            return
        }
        if bytes.first == UInt8(ascii: ":") { return }  // a comment, often a keep-alive
        let text = String(decoding: bytes, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = text[...]
            value = ""
        }
        switch field {
        case "event": eventType = String(value)
        case "data": dataLines.append(String(value))
        case "id": if !value.contains("\0") { lastID = String(value) }
        default: break  // `retry:` and unknown fields are ignored, as the spec says
        }
    }

    private mutating func dispatch(into events: inout [SSEEvent]) {
        defer {
            dataLines.removeAll()
            eventType = nil
        }
        guard !dataLines.isEmpty else { return }
        events.append(SSEEvent(event: eventType, data: dataLines.joined(separator: "\n"), id: lastID))
    }
}
