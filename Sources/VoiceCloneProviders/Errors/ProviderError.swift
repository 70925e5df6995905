import Foundation
import VoiceCloneHTTP

/// Why a remote language model could not write a piece. Every message names the provider (and the URL or
/// model where it helps), says what went wrong and what to do, and never contains a key: server messages
/// quoted here have been through ``SecretScrubber`` first.
public enum ProviderError: Error, Equatable, Sendable {
    case missingAPIKey(provider: String, variable: String, credentialsFile: String)
    case missingBaseURL(provider: String)
    case missingModel(provider: String)
    case invalidBaseURL(provider: String, url: String)
    case insecureCredentialsFile(path: String, mode: String)
    case invalidCredentialsFile(path: String, reason: String)
    case unauthorized(provider: String, status: Int, keySource: String?, message: String)
    case unknownModel(provider: String, model: String, message: String)
    case endpointNotFound(provider: String, url: String, message: String)
    case contextTooLong(provider: String, model: String, message: String)
    case badRequest(provider: String, status: Int, message: String)
    case quotaExhausted(provider: String, message: String)
    case rateLimited(provider: String, attempts: Int, retryAfter: TimeInterval?, message: String)
    case serverError(provider: String, status: Int, attempts: Int, message: String)
    case malformedResponse(provider: String, url: String, detail: String)
    case incompleteStream(provider: String, detail: String)
    case emptyResponse(provider: String, model: String, reason: String?)
    case timedOut(provider: String, url: String, seconds: Double)
    case cancelled(provider: String)
    case transport(provider: String, message: String)
    case invalidOption(provider: String, detail: String)
}

extension ProviderError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .missingAPIKey(let provider, let variable, let file):
            return "\(provider) needs an API key: set \(variable), or put it under \(provider): api_key: in \(file) "
                + "(chmod 600). Keys are never stored in the vault."
        case .missingBaseURL(let provider):
            return "\(provider) needs the server's address: pass --base-url URL (for example http://127.0.0.1:11434/v1 "
                + "for Ollama) or set OPENAI_BASE_URL."
        case .missingModel(let provider):
            return "\(provider) needs a model name: pass --model NAME or set default_model in the vault config."
        case .invalidBaseURL(let provider, let url):
            return "\(provider): \(URLRedaction.redact(url)) is not a usable base URL. Give a full http(s) address "
                + "such as https://api.example.com/v1."
        case .insecureCredentialsFile(let path, let mode):
            return "\(path) holds API keys but other users can read it (mode \(mode)); it was not used. "
                + "Run `chmod 600 \(path)`."
        case .invalidCredentialsFile(let path, let reason):
            return "\(path): \(reason). Expected, per provider, for example:\nopenai:\n  api_key: sk-...\n"
                + "anthropic:\n  api_key: ..."
        case .unauthorized(let provider, let status, let source, let message):
            let key = source.map { "the API key from \($0)" } ?? "the request (no API key was sent)"
            let what = status == 403 ? "refused access for" : "rejected"
            return "\(provider) \(what) \(key) (HTTP \(status)\(Self.quoted(message))). Check that the key is current "
                + "and belongs to this provider."
        case .unknownModel(let provider, let model, let message):
            return "\(provider) does not know the model \"\(model)\"\(Self.quoted(message)). Pass an available one with "
                + "--model (or set default_model in the vault config)."
        case .endpointNotFound(let provider, let url, let message):
            return "\(provider): \(URLRedaction.redact(url)) was not found (HTTP 404\(Self.quoted(message))). "
                + "Check --base-url / the base URL variable: it should end where the API's paths begin (often /v1)."
        case .contextTooLong(let provider, let model, let message):
            return "The request is too long for \(provider) model \"\(model)\"\(Self.quoted(message)). Ask for a "
                + "shorter piece, or use a model with a larger context window."
        case .badRequest(let provider, let status, let message):
            return "\(provider) refused the request (HTTP \(status)\(Self.quoted(message))). Check --model, "
                + "--temperature and the other options."
        case .quotaExhausted(let provider, let message):
            return "\(provider) says the account has no quota left\(Self.quoted(message)). Check billing and limits "
                + "in the provider's dashboard; retrying will not help."
        case .rateLimited(let provider, let attempts, let retryAfter, let message):
            let wait = retryAfter.map { "; it asks to wait \(Self.seconds($0)) s" } ?? ""
            return "\(provider) is rate-limiting requests (HTTP 429 after \(attempts) tries\(wait)\(Self.quoted(message))). "
                + "Wait a minute and try again."
        case .serverError(let provider, let status, let attempts, let message):
            return "\(provider) failed with HTTP \(status) after \(attempts) tries\(Self.quoted(message)). The service "
                + "is having trouble; try again later."
        case .malformedResponse(let provider, let url, let detail):
            return "\(provider) at \(URLRedaction.redact(url)) sent a response that could not be read (\(detail)). "
                + "Check that --base-url points at a server speaking this provider's API."
        case .incompleteStream(let provider, let detail):
            return "\(provider)'s stream ended early (\(detail)); the piece was not finished. Try again, or without --stream."
        case .emptyResponse(let provider, let model, let reason):
            return "\(provider) model \"\(model)\" returned no text\(reason.map { " (stop reason: \($0))" } ?? ""). "
                + "Try again, or rephrase the prompt."
        case .timedOut(let provider, let url, let seconds):
            return "\(provider) at \(URLRedaction.redact(url)) did not answer within \(Self.seconds(seconds)) s. "
                + "The service is slow or unreachable; try again, or ask for a shorter piece."
        case .cancelled(let provider):
            return "Cancelled; nothing more was received from \(provider)."
        case .transport(let provider, let message):
            return "\(provider): \(message)"
        case .invalidOption(let provider, let detail):
            return "\(provider): \(detail)."
        }
    }

    private static func quoted(_ message: String) -> String {
        message.isEmpty ? "" : ": \"\(message)\""
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
