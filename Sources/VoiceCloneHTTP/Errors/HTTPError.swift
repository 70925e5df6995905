import Foundation

/// Why a transfer failed before an HTTP status could be returned.
///
/// Messages name the URL (with any user:password part removed) and never the request headers,
/// which may carry API keys.
public enum HTTPError: Error, Equatable, Sendable {
    case invalidURL(String)
    case unsupportedScheme(url: String, scheme: String, allowed: [String])
    case hostNotFound(url: String, host: String)
    case couldNotConnect(url: String)
    case timedOut(url: String, seconds: Double)
    case stalled(url: String, seconds: Double)
    case tooManyRedirects(url: String, limit: Int)
    case bodyTooLarge(url: String, limit: Int)
    case cancelled(url: String)
    case transport(url: String, message: String)
}

extension HTTPError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .invalidURL(let url):
            return "\(URLRedaction.redact(url)) is not a valid URL. Give a full address such as https://example.com/post."
        case .unsupportedScheme(let url, let scheme, let allowed):
            return "\(URLRedaction.redact(url)): the \"\(scheme)\" scheme is not allowed; only \(allowed.joined(separator: " and ")) URLs can be fetched."
        case .hostNotFound(let url, let host):
            return "\(URLRedaction.redact(url)): could not resolve host \"\(host)\". Check the spelling of the address and your network connection."
        case .couldNotConnect(let url):
            return "\(URLRedaction.redact(url)): could not connect to the server. Check that it is up and reachable from this machine."
        case .timedOut(let url, let seconds):
            return "\(URLRedaction.redact(url)): timed out after \(Self.format(seconds)) s. The server is slow or unreachable; try again later."
        case .stalled(let url, let seconds):
            return "\(URLRedaction.redact(url)): the server sent nothing for \(Self.format(seconds)) s and the transfer was abandoned. Try again later."
        case .tooManyRedirects(let url, let limit):
            return "\(URLRedaction.redact(url)): more than \(limit) redirects (a redirect loop?). Open the address in a browser and use the page it ends on."
        case .bodyTooLarge(let url, let limit):
            return "\(URLRedaction.redact(url)): the response is larger than the \(limit)-byte limit and was not downloaded in full."
        case .cancelled(let url):
            return "\(URLRedaction.redact(url)): the transfer was cancelled."
        case .transport(let url, let message):
            return "\(URLRedaction.redact(url)): \(message)."
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
