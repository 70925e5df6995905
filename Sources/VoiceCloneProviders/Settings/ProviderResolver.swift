import Foundation

/// Decides endpoint, key and model for a remote provider, in the order users expect from the official SDKs:
/// a flag beats an environment variable, which beats the credentials file, which beats the built-in default.
public struct ProviderResolver: Sendable {
    public var environment: [String: String]
    /// Where to read keys when the environment has none; defaults to ``ProviderCredentials/defaultPath(environment:)``.
    public var credentialsPath: String

    public init(environment: [String: String], credentialsPath: String? = nil) {
        self.environment = environment
        self.credentialsPath = credentialsPath ?? ProviderCredentials.defaultPath(environment: environment)
    }

    /// Settings for a remote provider.
    /// - Parameters:
    ///   - model: `--model` or the vault's default model; `nil` takes the provider's default.
    ///   - baseURL: `--base-url`; `nil` looks at the environment and the credentials file.
    ///   - requireKey: `false` for `--dry-run`, which shows the request without sending it.
    public func settings(kind: ProviderKind, model: String?, baseURL: String?, requireKey: Bool = true)
        throws -> RemoteProviderSettings
    {
        guard kind.isRemote else {
            throw ProviderError.invalidOption(provider: kind.rawValue, detail: "is the offline engine, not a remote provider")
        }
        var credentials: ProviderCredentials?
        func fileEntry() throws -> ProviderCredentials.Entry? {
            if credentials == nil { credentials = try ProviderCredentials.load(path: credentialsPath) }
            return credentials?.entry(for: kind)
        }

        // Where the endpoint came from decides which key may go there (see `key(for:url:origin:entry:)`).
        var url = Self.nonEmpty(baseURL)
        var origin = EndpointOrigin.flag
        if url == nil, let variable = kind.baseURLVariable, let value = Self.nonEmpty(environment[variable]) {
            url = value
            origin = .environment
        }
        if url == nil, let value = Self.nonEmpty(try fileEntry()?.baseURL) {
            url = value
            origin = .credentialsFile
        }
        if url == nil, let value = kind.defaultBaseURL {
            url = value
            origin = .builtIn
        }
        guard let url else { throw ProviderError.missingBaseURL(provider: kind.rawValue) }
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty
        else { throw ProviderError.invalidBaseURL(provider: kind.rawValue, url: url) }

        let (key, withheld) = try key(for: kind, url: url, origin: origin, entry: fileEntry())
        if let key, key.containsControlCharacters {
            throw ProviderError.invalidOption(
                provider: kind.rawValue,
                detail: "the API key from \(key.source) contains a control character (a line break?); it was not used. Set it again on one line")
        }
        // A custom endpoint may need no key at all (most local servers), so only the official one requires it.
        if key == nil, kind.requiresKey, requireKey, Self.isOfficial(url, kind: kind) {
            throw ProviderError.missingAPIKey(
                provider: kind.rawValue, variable: kind.keyVariable ?? "", credentialsFile: credentialsPath)
        }

        guard let model = Self.nonEmpty(model) ?? kind.defaultModel else {
            throw ProviderError.missingModel(provider: kind.rawValue)
        }
        var settings = RemoteProviderSettings(kind: kind, model: model, baseURL: url, apiKey: key)
        settings.withheldKeyNote = withheld.map { source in
            // Only OpenAI's wire format has a variable for custom endpoints; any kind can pair a key in the file.
            let pairing = "give the key beside base_url: \(url) in the \(kind.rawValue) section of the credentials file"
            return "the key from \(source) was not sent: \(url) is not \(kind.defaultBaseURL ?? kind.rawValue). "
                + "If that server needs a key, "
                + (kind == .openai ? "set OPENAI_COMPATIBLE_API_KEY, or " + pairing : pairing)
        }
        return settings
    }

    /// Where the endpoint in use was named.
    private enum EndpointOrigin {
        /// `--base-url` (or an API request's base_url): named for this one call.
        case flag
        /// `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL`, set by the user beside the key variables.
        case environment
        /// `base_url:` in the user's credentials file.
        case credentialsFile
        /// The provider's own API.
        case builtIn
    }

    /// The key that may be sent to `url`, and the source of a cloud key held back from it.
    ///
    /// A cloud key (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`, or the file's key for that provider) goes to the
    /// provider's own API, or to an endpoint the user paired with it in the same place (the environment, or the
    /// same section of the credentials file). An endpoint named for one call, a local server or any other custom
    /// URL gets only a key meant for custom endpoints: `OPENAI_COMPATIBLE_API_KEY`, or a credentials section
    /// whose `base_url:` is exactly that URL. A typo'd or planted `--base-url` therefore never receives a cloud key.
    private func key(for kind: ProviderKind, url: String, origin: EndpointOrigin, entry: ProviderCredentials.Entry?)
        throws -> (APIKey?, withheld: String?)
    {
        let environmentKey = kind.keyVariable.flatMap { APIKey(environment[$0], source: $0) }
        let entryPaired = entry.map { Self.sameEndpoint($0.baseURL, url) } ?? false
        guard kind != .openAICompatible else {
            // Its key is already the one for custom endpoints.
            return (environmentKey ?? entry?.apiKey, nil)
        }
        if Self.isOfficial(url, kind: kind) {
            return (environmentKey ?? entry?.apiKey, nil)
        }
        switch origin {
        case .environment:
            if let environmentKey { return (environmentKey, nil) }
            if entryPaired, let paired = entry?.apiKey { return (paired, nil) }
        case .credentialsFile:
            if let paired = entry?.apiKey { return (paired, nil) }
        case .flag, .builtIn:
            if entryPaired, let paired = entry?.apiKey { return (paired, nil) }
        }
        if kind == .openai, let compatible = APIKey(environment["OPENAI_COMPATIBLE_API_KEY"], source: "OPENAI_COMPATIBLE_API_KEY") {
            return (compatible, nil)
        }
        let held = environmentKey?.source ?? entry?.apiKey?.source
        return (nil, held)
    }

    /// Whether `url` is the provider's own API (same scheme and host as its built-in endpoint).
    static func isOfficial(_ url: String, kind: ProviderKind) -> Bool {
        guard let official = kind.defaultBaseURL.flatMap(URLComponents.init(string:)),
              let given = URLComponents(string: url) else { return false }
        return given.scheme?.lowercased() == official.scheme && given.host?.lowercased() == official.host
            && (given.port == nil || given.port == 443)
    }

    private static func sameEndpoint(_ a: String?, _ b: String) -> Bool {
        guard let a = nonEmpty(a) else { return false }
        func normal(_ s: String) -> String { s.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
        return normal(a) == normal(b)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
