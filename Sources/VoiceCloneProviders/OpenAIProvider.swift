import Foundation
import VoiceCloneHTTP
import VoiceCloneGeneration

/// OpenAI's Chat Completions API, and every server that speaks it (`openai-compatible`: Ollama, llama.cpp
/// server, LM Studio, vLLM, gateways), which differ only in base URL, key and the name of the length cap.
///
/// Streams with server-sent events (`data: {...}` chunks ending with `data: [DONE]`) when the caller wants
/// text as it arrives; otherwise reads one JSON document.
public struct OpenAIProvider: RemoteWire {
    public let settings: RemoteProviderSettings
    public var name: String { settings.kind.rawValue }
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

    var url: String { settings.endpoint("/chat/completions") }

    func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let key = settings.apiKey { headers.add("Authorization", "Bearer " + key.revealForHeader()) }
        return headers
    }

    func body(for request: GenerationRequest, streaming: Bool) -> JSONBody {
        var fields: [(String, JSONBody)] = [
            ("model", .string(settings.model)),
            ("messages", .array(request.messages.map { message in
                .object([("role", .string(message.role.rawValue)), ("content", .string(message.content))])
            })),
        ]
        if let temperature = request.temperature { fields.append(("temperature", .number(temperature))) }
        if let seed = request.seed { fields.append(("seed", .integer(seed & 0x7FFF_FFFF_FFFF_FFFF))) }
        // OpenAI's newer models accept only max_completion_tokens; most compatible servers only know max_tokens.
        let cap = settings.kind == .openai ? "max_completion_tokens" : "max_tokens"
        fields.append((cap, .integer(TokenBudget.maxTokens(for: request))))
        if streaming { fields.append(("stream", .bool(true))) }
        return .object(fields)
    }

    func warnings(for request: GenerationRequest) -> [String] { [] }

    func validate(_ request: GenerationRequest) throws {
        if let t = request.temperature, !(0...2).contains(t) {
            throw ProviderError.invalidOption(provider: name, detail: "--temperature must be between 0 and 2, got \(t)")
        }
        guard request.messages.contains(where: { $0.role == .user }) else {
            throw ProviderError.invalidOption(provider: name, detail: "the request has no prompt")
        }
    }

    /// Reads a non-streamed completion.
    func parse(_ data: Data) throws -> RemoteReply {
        let json = JSONPath(data: data)
        guard json.isObject else {
            throw ProviderError.malformedResponse(provider: name, url: url, detail: "the body is not a JSON object")
        }
        if json["error"].exists { throw ErrorClassifier(settings: settings, url: url).classifyStreamError(json) }
        let choice = json["choices"][0]
        guard choice.exists else {
            throw ProviderError.malformedResponse(provider: name, url: url, detail: "no \"choices\" in the answer")
        }
        guard let text = choice["message"]["content"].string else {
            if choice["message"]["refusal"].string != nil {
                return RemoteReply(text: "", model: json["model"].string, stopReason: "refusal")
            }
            throw ProviderError.malformedResponse(
                provider: name, url: url, detail: "choices[0].message.content is missing or not text")
        }
        return RemoteReply(text: text, model: json["model"].string, stopReason: choice["finish_reason"].string)
    }

    func streamReply(_ http: HTTPRequest, cancellation: HTTPCancellation,
                             onText: (@Sendable (String) -> Void)?) throws -> RemoteReply {
        var reply = RemoteReply(text: "", model: nil, stopReason: nil)
        var done = false
        let outcome = try transport.stream(http, cancellation: cancellation) { event in
            if event.data.trimmingCharacters(in: .whitespaces) == "[DONE]" {
                done = true
                return false
            }
            let json = JSONPath(text: event.data)
            guard json.isObject else {
                throw ProviderError.malformedResponse(
                    provider: name, url: url, detail: "a streamed event is not JSON: \(event.data.prefix(80))")
            }
            if json["error"].exists { throw ErrorClassifier(settings: settings, url: url).classifyStreamError(json) }
            if let model = json["model"].string, !model.isEmpty { reply.model = model }
            let choice = json["choices"][0]
            if let piece = choice["delta"]["content"].string, !piece.isEmpty {
                reply.text += piece
                onText?(piece)
            }
            if let reason = choice["finish_reason"].string { reply.stopReason = reason }
            return true
        }
        if !outcome.sawEvents {
            // The server ignored `stream: true` and answered with one document.
            let whole = try parse(outcome.rawBody)
            if !whole.text.isEmpty { onText?(whole.text) }
            return whole
        }
        if !done && reply.stopReason == nil {
            throw ProviderError.incompleteStream(provider: name, detail: "no [DONE] and no finish reason")
        }
        return reply
    }
}
