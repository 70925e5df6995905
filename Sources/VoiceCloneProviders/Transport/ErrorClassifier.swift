import Foundation
import VoiceCloneHTTP

/// Turns a failed HTTP exchange into a ``ProviderError`` a user can act on, and decides whether it is
/// worth trying again.
///
/// Providers say the same things in different shapes: OpenAI `{"error":{"message","code"}}`, Anthropic
/// `{"type":"error","error":{"type","message"}}`, Ollama `{"error":"..."}`, vLLM `{"message":...}`.
struct ErrorClassifier {
    let settings: RemoteProviderSettings
    let url: String

    var provider: String { settings.kind.rawValue }

    /// The error for a non-2xx response after `attempts` tries, and whether another try could succeed.
    func classify(_ response: HTTPResponse, attempts: Int) -> (error: ProviderError, retryable: Bool) {
        let detail = ServerMessage(body: response.body, key: settings.apiKey)
        let status = response.status
        switch status {
        case 401, 403:
            return (.unauthorized(provider: provider, status: status, keySource: settings.apiKey?.source,
                                  message: detail.message), false)
        case 404:
            if detail.mentionsModel {
                return (.unknownModel(provider: provider, model: settings.model, message: detail.message), false)
            }
            return (.endpointNotFound(provider: provider, url: url, message: detail.message), false)
        case 429:
            if detail.isQuota { return (.quotaExhausted(provider: provider, message: detail.message), false) }
            return (.rateLimited(provider: provider, attempts: attempts, retryAfter: RetryAfter.delay(for: response),
                                 message: detail.message), true)
        case 408, 500, 502, 503, 504, 529:
            return (.serverError(provider: provider, status: status, attempts: attempts, message: detail.message), true)
        case 400, 413, 422:
            if detail.isContextLength {
                return (.contextTooLong(provider: provider, model: settings.model, message: detail.message), false)
            }
            if detail.mentionsModel && detail.saysNotFound {
                return (.unknownModel(provider: provider, model: settings.model, message: detail.message), false)
            }
            return (.badRequest(provider: provider, status: status, message: detail.message), false)
        default:
            if status >= 500 {
                return (.serverError(provider: provider, status: status, attempts: attempts, message: detail.message), true)
            }
            return (.badRequest(provider: provider, status: status, message: detail.message), false)
        }
    }

    /// The error for a failure below HTTP.
    func classify(_ error: HTTPError) -> ProviderError {
        switch error {
        case .timedOut(_, let seconds), .stalled(_, let seconds):
            return .timedOut(provider: provider, url: url, seconds: seconds)
        case .cancelled:
            return .cancelled(provider: provider)
        case .couldNotConnect:
            return .transport(provider: provider, message: "could not connect to \(URLRedaction.redact(url)). "
                + "Check that the server is running and the base URL is right.")
        default:
            return .transport(provider: provider, message: error.localizedDescription)
        }
    }

    /// An error an API sent inside a 200 stream (`data: {"error":...}` or Anthropic's `error` event).
    func classifyStreamError(_ json: JSONPath) -> ProviderError {
        let data = (try? JSONSerialization.data(withJSONObject: json.root ?? [:])) ?? Data()
        let detail = ServerMessage(body: data, key: settings.apiKey)
        let type = (json["error"]["type"].string ?? "").lowercased()
        if type.contains("overloaded") || type.contains("api_error") || type.contains("server") {
            return .serverError(provider: provider, status: 200, attempts: 1, message: detail.message)
        }
        if type.contains("rate_limit") {
            return .rateLimited(provider: provider, attempts: 1, retryAfter: nil, message: detail.message)
        }
        if detail.isContextLength {
            return .contextTooLong(provider: provider, model: settings.model, message: detail.message)
        }
        return .badRequest(provider: provider, status: 200, message: detail.message)
    }
}

/// The human part of an API's error body, scrubbed of secrets and cut to a readable length.
struct ServerMessage {
    let message: String
    private let code: String
    private let lowered: String

    init(body: Data, key: APIKey?) {
        let json = JSONPath(data: body)
        var text = json["error"]["message"].string ?? json["error"].string ?? json["message"].string
            ?? json["detail"].string ?? json["error"]["detail"].string
        if text == nil {
            let raw = String(decoding: body.prefix(600), as: UTF8.self)
            // An HTML error page says nothing useful beyond its status.
            text = raw.contains("<html") || raw.contains("<HTML") ? "" : raw
        }
        var cleaned = (text ?? "").replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        cleaned = key.map { $0.scrub(cleaned) } ?? SecretScrubber.scrub(cleaned)
        if cleaned.count > 300 { cleaned = String(cleaned.prefix(300)) + "…" }
        message = cleaned
        code = [json["error"]["code"].string, json["error"]["type"].string, json["code"].string, json["type"].string]
            .compactMap { $0 }.joined(separator: " ").lowercased()
        lowered = cleaned.lowercased()
    }

    var mentionsModel: Bool { code.contains("model_not_found") || lowered.contains("model") }
    var saysNotFound: Bool {
        code.contains("not_found") || lowered.contains("not found") || lowered.contains("does not exist")
    }
    var isQuota: Bool { code.contains("insufficient_quota") || lowered.contains("exceeded your current quota") }
    var isContextLength: Bool {
        if code.contains("context_length") { return true }
        return ["context length", "context_length", "maximum context", "context window", "prompt is too long",
                "too many tokens", "exceeds the available context", "context size", "maximum input length"]
            .contains { lowered.contains($0) }
    }
}
