import Foundation
import Hummingbird
import VoiceCloneKit
import VoiceCloneAttribution
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

/// `GET /api/providers`: which providers this server could use and the vault's defaults. Whether a key is set is
/// reported; the key itself never is (nor the endpoint, which may carry credentials in its URL).
enum ProviderRoutes {
    struct Providers: Encodable, Sendable {
        var defaultProvider: String
        var defaultModel: String?
        var providers: [Provider]
    }

    struct Provider: Encodable, Sendable {
        var name: String
        var remote: Bool
        var keyConfigured: Bool
        var usable: Bool
        var defaultModel: String?
        /// Why it cannot be used yet (no key, no endpoint, a credentials file with the wrong mode).
        var problem: String?
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/api/providers") { _, _ in
            try JSONBody.response(try await vault.read { list($0, environment: vault.environment) })
        }
    }

    /// The providers and defaults, as `GET /api/providers` and the web app's status page show them.
    static func list(_ workspace: Workspace, environment: [String: String]) -> Providers {
        let resolver = ProviderResolver(environment: environment)
        let providers = ProviderKind.allCases.map { kind -> Provider in
            guard kind.isRemote else {
                return Provider(name: kind.rawValue, remote: false, keyConfigured: false, usable: true)
            }
            do {
                let settings = try resolver.settings(kind: kind, model: nil, baseURL: nil, requireKey: kind.requiresKey)
                return Provider(name: kind.rawValue, remote: true, keyConfigured: settings.apiKey != nil, usable: true,
                                defaultModel: settings.model)
            } catch {
                return Provider(name: kind.rawValue, remote: true, keyConfigured: false, usable: false,
                                defaultModel: kind.defaultModel, problem: ErrorStatus.message(error))
            }
        }
        return Providers(defaultProvider: workspace.config.defaultProvider, defaultModel: workspace.config.defaultModel,
                         providers: providers)
    }
}
