import Foundation
import Hummingbird
import VoiceCloneKit
import VoiceCloneVault

/// The vault's settings (`voiceclone settings`, `settings set`): the default provider and model and the name and
/// email its commits carry, in `.voiceclone/config.yaml`, written and committed by Kit's `updateSettings`.
enum SettingsRoutes {
    /// The whole of the settings: a field left out is cleared (`default_model`, `author`), as PUT replaces.
    struct PutSettings: Decodable, Sendable {
        var defaultProvider: String
        var defaultModel: String?
        var author: Author?
    }

    struct Author: Decodable, Sendable {
        var name: String
        var email: String
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let limit = state.configuration.maxJSONBytes
        router.get("/api/settings") { _, _ in
            try JSONBody.response(try await vault.read { $0.settingsReport() })
        }
        router.put("/api/settings") { request, _ in
            let body = try await JSONBody.decode(PutSettings.self, from: request, limit: limit)
            let settings = VaultSettings(defaultProvider: body.defaultProvider, defaultModel: body.defaultModel,
                                         author: body.author.map { VaultConfig.Identity(name: $0.name, email: $0.email) })
            _ = try await vault.write { try $0.updateSettings(settings) }
            // A fresh workspace reads the config just committed, and the identity it now gives.
            return try JSONBody.response(try await vault.read { $0.settingsReport() })
        }
    }
}
