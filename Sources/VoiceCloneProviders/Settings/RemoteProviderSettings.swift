import Foundation

/// Everything a remote provider needs to reach its API: endpoint, model, key and the limits it works under.
///
/// Built by ``ProviderResolver`` from flags, environment and the user's credentials file; tests build it
/// directly with a loopback base URL and short timeouts.
public struct RemoteProviderSettings: Sendable {
    public var kind: ProviderKind
    public var model: String
    /// The API root: `https://api.openai.com/v1` for OpenAI-style APIs, `https://api.anthropic.com` for Anthropic.
    public var baseURL: String
    public var apiKey: APIKey?
    /// Set when a cloud key was held back because the endpoint is not that provider's own API; shown as a note
    /// so a custom server that answers 401 is not a mystery.
    public var withheldKeyNote: String?
    /// Seconds to open the connection.
    public var connectTimeout: TimeInterval
    /// Seconds for the whole exchange; long pieces from slow models take minutes.
    public var totalTimeout: TimeInterval
    /// Seconds without a byte before a stalled transfer is abandoned.
    public var idleTimeout: TimeInterval
    public var retry: RetryPolicy
    /// Sent as `anthropic-version`; the Messages API requires it.
    public var anthropicVersion: String

    public init(
        kind: ProviderKind, model: String, baseURL: String, apiKey: APIKey? = nil,
        connectTimeout: TimeInterval = 10, totalTimeout: TimeInterval = 300, idleTimeout: TimeInterval = 90,
        retry: RetryPolicy = .standard, anthropicVersion: String = "2023-06-01"
    ) {
        self.kind = kind
        self.model = model
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.idleTimeout = idleTimeout
        self.retry = retry
        self.anthropicVersion = anthropicVersion
    }

    /// `baseURL` joined with an API path, without doubling or dropping the slash between them.
    func endpoint(_ path: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }
}
