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

        var url = Self.nonEmpty(baseURL)
        if url == nil, let variable = kind.baseURLVariable { url = Self.nonEmpty(environment[variable]) }
        if url == nil { url = Self.nonEmpty(try fileEntry()?.baseURL) }
        if url == nil { url = kind.defaultBaseURL }
        guard let url else { throw ProviderError.missingBaseURL(provider: kind.rawValue) }
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty
        else { throw ProviderError.invalidBaseURL(provider: kind.rawValue, url: url) }

        var key: APIKey?
        if let variable = kind.keyVariable { key = APIKey(environment[variable], source: variable) }
        if key == nil { key = try fileEntry()?.apiKey }
        if let key, key.containsControlCharacters {
            throw ProviderError.invalidOption(
                provider: kind.rawValue,
                detail: "the API key from \(key.source) contains a control character (a line break?); it was not used. Set it again on one line")
        }
        if key == nil, kind.requiresKey, requireKey {
            throw ProviderError.missingAPIKey(
                provider: kind.rawValue, variable: kind.keyVariable ?? "", credentialsFile: credentialsPath)
        }

        guard let model = Self.nonEmpty(model) ?? kind.defaultModel else {
            throw ProviderError.missingModel(provider: kind.rawValue)
        }
        return RemoteProviderSettings(kind: kind, model: model, baseURL: url, apiKey: key)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
