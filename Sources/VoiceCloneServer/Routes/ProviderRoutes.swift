import Foundation
import Hummingbird
import VoiceCloneKit
import VoiceCloneAttribution
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

/// `GET /api/providers`: which providers this server could use, the local model servers that answer, and the
/// vault's defaults. Whether a key is set is reported; the key itself never is (nor a remote endpoint, which may
/// carry credentials in its URL). `PUT`/`DELETE /api/providers/{provider}/key` set and clear a key in the user's
/// credentials file (Kit's `ProviderKeyStore`); the key is never echoed, logged or put in an error.
enum ProviderRoutes {
    struct Providers: Encodable, Sendable {
        var defaultProvider: String
        var defaultModel: String?
        var providers: [Provider]
        /// From Kit's `workspace.providers.list()`, as `voiceclone providers --json` names them; nil when not probed
        /// (the status page does not wait for the probe).
        var localServers: [LocalServer]?
        var probedPorts: [Int]?
        var auto: String?
    }

    struct Provider: Encodable, Sendable {
        var name: String
        var remote: Bool
        var keyPresent: Bool
        var usable: Bool
        var defaultModel: String?
        /// Why it cannot be used yet (no key, no endpoint, a credentials file with the wrong mode).
        var problem: String?
    }

    struct SetKey: Decodable, Sendable {
        var key: String
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/api/providers") { _, _ in
            try JSONBody.response(try await vault.read { list($0, environment: vault.environment, probeLocal: true) })
        }
        router.put("/api/providers/:provider/key") { request, context in
            let provider = try context.path("provider")
            let body = try await JSONBody.decode(SetKey.self, from: request, limit: 16_384)
            _ = try await vault.read { try $0.providers.setKey(provider, key: body.key) }
            return noContent()
        }
        router.delete("/api/providers/:provider/key") { _, context in
            let provider = try context.path("provider")
            _ = try await vault.read { try $0.providers.clearKey(provider) }
            return noContent()
        }
    }

    static func noContent() -> Response {
        var fields = HTTPFields()
        SecurityHeaders.apply(to: &fields)
        return Response(status: .noContent, headers: fields)
    }

    /// The providers and defaults, as `GET /api/providers` and the web app's status page show them; with
    /// `probeLocal`, also the local servers that answer (a short probe of the usual ports).
    static func list(_ workspace: Workspace, environment: [String: String], probeLocal: Bool = false) -> Providers {
        let resolver = ProviderResolver(environment: environment)
        let providers = ProviderKind.allCases.map { kind -> Provider in
            guard kind.isRemote else {
                return Provider(name: kind.rawValue, remote: false, keyPresent: false, usable: true)
            }
            do {
                let settings = try resolver.settings(kind: kind, model: nil, baseURL: nil, requireKey: kind.requiresKey)
                return Provider(name: kind.rawValue, remote: true, keyPresent: settings.apiKey != nil, usable: true,
                                defaultModel: settings.model)
            } catch {
                return Provider(name: kind.rawValue, remote: true, keyPresent: false, usable: false,
                                defaultModel: kind.defaultModel, problem: ErrorStatus.message(error))
            }
        }
        var answer = Providers(defaultProvider: workspace.config.defaultProvider, defaultModel: workspace.config.defaultModel,
                               providers: providers)
        if probeLocal {
            let report = workspace.providers.list()
            answer.localServers = report.localServers
            answer.probedPorts = report.probedPorts
            answer.auto = report.auto
        }
        return answer
    }
}
