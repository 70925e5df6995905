import Foundation
import VoiceCloneProviders
import VoiceCloneVault

extension WorkspaceService {
    /// Endpoint, key and model for a remote provider, from flags, this workspace's environment and the user's
    /// credentials file, which is refused when it lies inside the vault (vaults are shared through git).
    /// What the user should know about the key (one withheld from this endpoint, one about to cross the network
    /// in clear text) is appended to `warnings`: the caller's report carries it, so the CLI prints it, `--json`
    /// and the API include it, and the library never writes to stderr itself.
    func remoteSettings(kind: ProviderKind, model: String?, baseURL: String?, requireKey: Bool,
                        retry: RetryPolicy, warnings: inout [String]) throws -> RemoteProviderSettings {
        let resolver = ProviderResolver(environment: environment)
        let credentials = URL(fileURLWithPath: resolver.credentialsPath).standardizedFileURL.path
        // Links resolved on both sides: a linked XDG_CONFIG_HOME, credentials.yaml or --vault must not hide the file's place.
        if ContainedFile.isInside(credentials, root: vault.root.path) {
            throw ProviderError.invalidCredentialsFile(
                path: credentials, reason: "is inside the vault, which is shared through git; keep it in ~/.config/voiceclone/ "
                    + "(or point XDG_CONFIG_HOME outside the vault)")
        }
        // The vault's default model belongs to its default provider; it means nothing to another one.
        let configModel = ProviderKind(loose: config.defaultProvider) == kind ? config.defaultModel : nil
        var settings = try resolver.settings(kind: kind, model: model ?? configModel, baseURL: baseURL, requireKey: requireKey)
        settings.retry = retry
        if let note = settings.withheldKeyNote { warnings.append(note) }
        if settings.apiKey != nil, let warning = Self.cleartextWarning(baseURL: settings.baseURL) { warnings.append(warning) }
        return settings
    }

    /// A warning when a key would travel unencrypted: plain `http://` to a host that is not this machine.
    static func cleartextWarning(baseURL: String) -> String? {
        guard let parts = URLComponents(string: baseURL), parts.scheme?.lowercased() == "http",
              let host = parts.host?.lowercased() else { return nil }
        let loopback = host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == "[::1]"
            || host.hasPrefix("127.")
        if loopback { return nil }
        return "the API key will be sent unencrypted over plain http:// to \(host); anyone on the network path can read it. "
            + "Use an https:// base URL unless this network is yours alone."
    }
}
