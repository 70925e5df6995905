import Foundation
import Hummingbird
import VoiceCloneKit

/// Status and settings: the vault's state (uncommitted files, ahead/behind its remote), a sync button, the
/// vault's log in human terms, and the providers with whether a key is set (a key is never shown).
enum StatusPage {
    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/status", use: WebRoutes.page { request, _ in
            let notice = Notice.message(request)
            return try await vault.read { try page($0, environment: vault.environment, notice: notice) }
        })
        router.post("/status/sync", use: WebRoutes.page(back: "/status") { request, _ in
            _ = try await FormBody.read(request, limit: 4096)
            _ = try await vault.write { try $0.sync.run(SyncOptions()) }
            return HTMLPage.redirect("/status?notice=synced")
        })
    }

    static func page(_ workspace: Workspace, environment: [String: String], notice: String?) throws -> Response {
        var context: [String: Any] = ["vault": workspace.vault.root.path]
        context["notice"] = notice
        let status = try workspace.history.status()
        context["branch"] = status.branch ?? "(no branch)"
        context["state"] = status.state
        context["remote"] = WebRoutes.nonEmpty(status.remote)
        if let ahead = status.ahead, let behind = status.behind {
            context["tracking"] = "\(ahead) commit(s) to send, \(behind) to receive"
        }
        context["uncommitted"] = status.uncommitted.map { ["path": $0.path, "change": $0.change] }
        context["clean"] = status.uncommitted.isEmpty
        context["log"] = try workspace.history.log(limit: 30).map { ["line": $0.line, "date": $0.date] }
        let providers = ProviderRoutes.list(workspace, environment: environment)
        context["defaultProvider"] = providers.defaultProvider
        context["defaultModel"] = providers.defaultModel ?? "the provider's default"
        context["providers"] = providers.providers.map { provider -> [String: Any] in
            var row: [String: Any] = ["name": provider.name, "usable": provider.usable, "remote": provider.remote,
                                      "key": provider.remote ? (provider.keyPresent ? "set (never shown)" : "not set") : "not needed",
                                      "model": provider.defaultModel ?? ""]
            row["problem"] = WebRoutes.nonEmpty(provider.problem)
            return row
        }
        return try PageRenderer.render("status", section: "status", title: "Status and settings", context)
    }
}
