import Foundation
import Hummingbird
import VoiceCloneKit
import VoiceCloneProviders
import VoiceCloneVault

/// Settings: the vault's default provider and model and the name and email its commits carry, saved where the CLI
/// reads them (`.voiceclone/config.yaml`, through Kit's `updateSettings`, committed). Keys are not here: they are
/// set on the keys page and never shown.
enum SettingsPage {
    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/settings", use: WebRoutes.page { request, _ in
            let notice = Notice.message(request)
            return try await vault.read { try page($0, notice: notice) }
        })
        router.post("/settings", use: WebRoutes.page(back: "/settings") { request, _ in
            let form = try await FormBody.read(request, limit: 8192)
            let typed = VaultSettings(defaultProvider: form.field("provider") ?? "", defaultModel: form.field("model"),
                                      author: VaultConfig.Identity(name: form.field("author-name") ?? "", email: form.field("author-email") ?? ""))
            do {
                _ = try await vault.write { try $0.updateSettings(typed) }
                return HTMLPage.redirect("/settings?notice=settings-saved")
            } catch {
                // The form comes back with what was typed and the reason beside it.
                return try await vault.read { try page($0, notice: nil, typed: typed, error: error) }
            }
        })
    }

    static func page(_ workspace: Workspace, notice: String?, typed: VaultSettings? = nil, error: (any Error)? = nil) throws -> Response {
        let settings = typed ?? workspace.settings
        let identity = workspace.commitIdentity()
        let source: String
        switch identity.source {
        case .vault: source = "this vault's setting below"
        case .gitConfig: source = "git's user.name and user.email (the vault sets none)"
        case .fallback: source = "the built-in default (neither the vault nor git sets one)"
        }
        let providers = (["auto"] + ProviderKind.allCases.map(\.rawValue)).map { name -> [String: Any] in
            let label = name == "auto" ? "auto (a configured remote, else a local model server, else offline)"
                : name == ProviderKind.local.rawValue ? "local (offline, no model)" : name
            return ["value": name, "label": label, "selected": name == settings.defaultProvider]
        }
        var context: [String: Any] = [
            "providers": providers, "model": settings.defaultModel ?? "",
            "authorName": settings.author?.name ?? "", "authorEmail": settings.author?.email ?? "",
            "commitName": identity.name, "commitEmail": identity.email, "commitSource": source,
        ]
        context["notice"] = notice
        var status = HTTPResponse.Status.ok
        if let error {
            let problem = ErrorStatus.problem(for: error)
            status = .init(code: problem.status)
            context["error"] = problem.detail
        }
        return try PageRenderer.render("settings", section: "status", title: "Settings", context, status: status)
    }
}
