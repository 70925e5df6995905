import Foundation
import VoiceCloneProviders

extension Workspace {
    /// Endpoint, key and model for a remote provider, from flags, this workspace's environment and the user's
    /// credentials file, which is refused when it lies inside the vault (vaults are shared through git).
    func remoteSettings(kind: ProviderKind, model: String?, baseURL: String?, requireKey: Bool,
                        retry: RetryPolicy) throws -> RemoteProviderSettings {
        let resolver = ProviderResolver(environment: environment)
        let credentials = URL(fileURLWithPath: resolver.credentialsPath).standardizedFileURL.path
        let root = vault.root.path.hasSuffix("/") ? vault.root.path : vault.root.path + "/"
        if credentials.hasPrefix(root) {
            throw ProviderError.invalidCredentialsFile(
                path: credentials, reason: "is inside the vault, which is shared through git; keep it in ~/.config/voiceclone/ "
                    + "(or point XDG_CONFIG_HOME outside the vault)")
        }
        // The vault's default model belongs to its default provider; it means nothing to another one.
        let configModel = ProviderKind(loose: config.defaultProvider) == kind ? config.defaultModel : nil
        var settings = try resolver.settings(kind: kind, model: model ?? configModel, baseURL: baseURL, requireKey: requireKey)
        settings.retry = retry
        return settings
    }
}
