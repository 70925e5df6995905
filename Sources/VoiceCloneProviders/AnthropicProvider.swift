import Foundation
import VoiceCloneHTTP
import VoiceCloneGeneration

/// Anthropic's Messages API (`POST /v1/messages` with `x-api-key` and `anthropic-version`).
///
/// System instructions go in the top-level `system` field, not in `messages`; `max_tokens` is required.
/// Streams arrive as named events (`message_start`, `content_block_delta`, `message_delta`, `message_stop`,
/// `ping`, `error`).
public struct AnthropicProvider: RemoteWire {
    public let settings: RemoteProviderSettings
    public var name: String { "anthropic" }
    public var model: String { settings.model }

    public init(settings: RemoteProviderSettings) {
        self.settings = settings
    }

    public func generate(
        _ request: GenerationRequest, onText: (@Sendable (String) -> Void)?
    ) async throws -> GeneratedPiece {
        try await send(request, onText: onText)
    }

    public func preparedRequest(for request: GenerationRequest, streaming: Bool) throws -> PreparedRequest {
        try prepare(request, streaming: streaming)
    }

    // MARK: - Wire format

    var url: String { settings.endpoint("/v1/messages") }

    func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("anthropic-version", settings.anthropicVersion)
        if let key = settings.apiKey { headers.add("x-api-key", key.revealForHeader()) }
        return headers
    }

    func body(for request: GenerationRequest, streaming: Bool) -> JSONBody {
        let system = request.messages.filter { $0.role == .system }.map(\.content).joined(separator: "\n\n")
        var fields: [(String, JSONBody)] = [
            ("model", .string(settings.model)),
            ("max_tokens", .integer(TokenBudget.maxTokens(for: request))),
        ]
        if !system.isEmpty { fields.append(("system", .string(system))) }
        fields.append(("messages", .array(request.messages.filter { $0.role != .system }.map { message in
            .object([("role", .string(message.role.rawValue)), ("content", .string(message.content))])
        })))
        if let temperature = request.temperature { fields.append(("temperature", .number(temperature))) }
        if streaming { fields.append(("stream", .bool(true))) }
        return .object(fields)
    }

    func warnings(for request: GenerationRequest) -> [String] {
        request.seed == nil ? [] : ["Anthropic's API takes no seed; the same request can give a different piece each time."]
    }

    func validate(_ request: GenerationRequest) throws {
        if let t = request.temperature, !(0...1).contains(t) {
            throw ProviderError.invalidOption(
                provider: name, detail: "Anthropic takes a --temperature between 0 and 1, got \(t)")
        }
        guard request.messages.contains(where: { $0.role == .user }) else {
            throw ProviderError.invalidOption(provider: name, detail: "the request has no prompt")
        }
    }

    /// Reads a non-streamed message: the text blocks of `content`, joined.
    func parse(_ data: Data) throws -> RemoteReply {
        let json = JSONPath(data: data)
        guard json.isObject else {
            throw ProviderError.malformedResponse(provider: name, url: url, detail: "the body is not a JSON object")
        }
        if json["type"].string == "error" || json["error"].exists {
            throw ErrorClassifier(settings: settings, url: url).classifyStreamError(json)
        }
        guard let blocks = json["content"].array else {
            throw ProviderError.malformedResponse(provider: name, url: url, detail: "no \"content\" list in the answer")
        }
        let text = blocks.filter { $0["type"].string == "text" }.compactMap { $0["text"].string }.joined()
        return RemoteReply(text: text, model: json["model"].string, stopReason: json["stop_reason"].string)
    }

    func streamReply(_ http: HTTPRequest, cancellation: HTTPCancellation,
                             onText: (@Sendable (String) -> Void)?) throws -> RemoteReply {
        var reply = RemoteReply(text: "", model: nil, stopReason: nil)
        var stopped = false
        let outcome = try transport.stream(http, cancellation: cancellation) { event in
            let json = JSONPath(text: event.data)
            guard json.isObject else {
                throw ProviderError.malformedResponse(
                    provider: name, url: url, detail: "a streamed event is not JSON: \(event.data.prefix(80))")
            }
            switch event.event ?? json["type"].string ?? "" {
            case "message_start":
                reply.model = json["message"]["model"].string
            case "content_block_delta":
                if json["delta"]["type"].string == "text_delta", let piece = json["delta"]["text"].string {
                    reply.text += piece
                    onText?(piece)
                }
            case "message_delta":
                if let reason = json["delta"]["stop_reason"].string { reply.stopReason = reason }
            case "message_stop":
                stopped = true
                return false
            case "error":
                throw ErrorClassifier(settings: settings, url: url).classifyStreamError(json)
            default:
                break  // ping, content_block_start/stop and future event types
            }
            return true
        }
        if !outcome.sawEvents {
            let whole = try parse(outcome.rawBody)
            if !whole.text.isEmpty { onText?(whole.text) }
            return whole
        }
        if !stopped {
            throw ProviderError.incompleteStream(provider: name, detail: "no message_stop event")
        }
        return reply
    }
}
