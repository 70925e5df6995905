import Foundation

/// Responses in the real wire formats of the language-model APIs, for provider tests.
///
/// Streams are built as the full event text and then cut into chunks of `chunkSize` bytes, so events,
/// lines, CRLF pairs and multi-byte characters are split across network chunks as real servers split them.
extension LoopbackResponse {
    /// A non-streamed Chat Completions answer.
    public static func openAIChat(_ text: String, model: String = "gpt-test", finishReason: String = "stop") -> LoopbackResponse {
        let body: [String: Any] = [
            "id": "chatcmpl-1", "object": "chat.completion", "model": model,
            "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": finishReason]],
            "usage": ["prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15],
        ]
        return .json(jsonText(body))
    }

    /// A streamed Chat Completions answer: one `data:` event per fragment, a finish event, then `[DONE]`.
    public static func openAIStream(_ fragments: [String], model: String = "gpt-test", chunkSize: Int = 7,
                                    lineEnding: String = "\n", done: Bool = true) -> LoopbackResponse {
        var events = ""
        for fragment in fragments {
            let event: [String: Any] = [
                "id": "chatcmpl-1", "object": "chat.completion.chunk", "model": model,
                "choices": [["index": 0, "delta": ["content": fragment], "finish_reason": NSNull()]],
            ]
            events += "data: \(jsonText(event))\(lineEnding)\(lineEnding)"
        }
        if done {
            let finish: [String: Any] = [
                "id": "chatcmpl-1", "object": "chat.completion.chunk", "model": model,
                "choices": [["index": 0, "delta": [String: Any](), "finish_reason": "stop"]],
            ]
            events += ": keep-alive comment\(lineEnding)\(lineEnding)"
            events += "data: \(jsonText(finish))\(lineEnding)\(lineEnding)data: [DONE]\(lineEnding)\(lineEnding)"
        }
        return .sse(chunks(events, size: chunkSize), interval: 0.002)
    }

    /// A non-streamed Messages API answer.
    public static func anthropicMessage(_ text: String, model: String = "claude-test", stopReason: String = "end_turn") -> LoopbackResponse {
        let body: [String: Any] = [
            "id": "msg_1", "type": "message", "role": "assistant", "model": model,
            "content": [["type": "text", "text": text]], "stop_reason": stopReason,
            "usage": ["input_tokens": 10, "output_tokens": 5],
        ]
        return .json(jsonText(body))
    }

    /// A streamed Messages API answer with every event type Anthropic sends.
    public static func anthropicStream(_ fragments: [String], model: String = "claude-test", chunkSize: Int = 11,
                                       errorAfter: Int? = nil) -> LoopbackResponse {
        func event(_ name: String, _ data: [String: Any]) -> String { "event: \(name)\ndata: \(jsonText(data))\n\n" }
        var text = event("message_start", ["type": "message_start", "message": [
            "id": "msg_1", "type": "message", "role": "assistant", "model": model, "content": [Any](),
            "stop_reason": NSNull(), "usage": ["input_tokens": 10, "output_tokens": 1]]])
        text += event("content_block_start", ["type": "content_block_start", "index": 0,
                                              "content_block": ["type": "text", "text": ""]])
        text += event("ping", ["type": "ping"])
        for (index, fragment) in fragments.enumerated() {
            if let errorAfter, index == errorAfter {
                text += event("error", ["type": "error", "error": ["type": "overloaded_error", "message": "Overloaded"]])
                return .sse(chunks(text, size: chunkSize), interval: 0.002)
            }
            text += event("content_block_delta", ["type": "content_block_delta", "index": 0,
                                                  "delta": ["type": "text_delta", "text": fragment]])
        }
        text += event("content_block_stop", ["type": "content_block_stop", "index": 0])
        text += event("message_delta", ["type": "message_delta", "delta": ["stop_reason": "end_turn"],
                                        "usage": ["output_tokens": 15]])
        text += event("message_stop", ["type": "message_stop"])
        return .sse(chunks(text, size: chunkSize), interval: 0.002)
    }

    /// An OpenAI-style error body.
    public static func openAIError(_ status: Int, message: String, code: String? = nil, type: String = "invalid_request_error") -> LoopbackResponse {
        var error: [String: Any] = ["message": message, "type": type]
        error["code"] = code ?? NSNull()
        return .json(jsonText(["error": error]), status: status)
    }

    /// An Anthropic-style error body.
    public static func anthropicError(_ status: Int, type: String, message: String) -> LoopbackResponse {
        .json(jsonText(["type": "error", "error": ["type": type, "message": message]]), status: status)
    }

    /// `text` cut into pieces of `size` bytes (not characters: a multi-byte character may be split).
    public static func chunks(_ text: String, size: Int) -> [Data] {
        let bytes = Array(text.utf8)
        return stride(from: 0, to: bytes.count, by: max(1, size)).map { Data(bytes[$0..<min(bytes.count, $0 + size)]) }
    }

    private static func sse(_ pieces: [Data], interval: TimeInterval) -> LoopbackResponse {
        var parts: [Part] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { parts.append(.pause(interval)) }
            parts.append(.bytes(piece))
        }
        return LoopbackResponse(status: 200, headers: [("Content-Type", "text/event-stream")], parts: parts, chunked: true)
    }

    static func jsonText(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
