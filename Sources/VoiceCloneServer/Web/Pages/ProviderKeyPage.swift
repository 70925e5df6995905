import Foundation
import Hummingbird
import VoiceCloneKit

/// Settings → provider keys: a form that stores or clears one provider's key in the user's credentials file
/// (Kit's `ProviderKeyStore`, as `PUT`/`DELETE /api/providers/{provider}/key`). The key goes in, never out: the
/// page shows only whether one is set, and after saving says so without echoing it. The forms post to this
/// server only, under the same Origin/Sec-Fetch-Site rules as every other form.
enum ProviderKeyPage {
    static let notices = ["key-saved": "Key saved. It is kept outside the vault and never shown again.",
                          "key-cleared": "Key cleared."]

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/settings/keys", use: WebRoutes.page { request, _ in
            let notice = request.uri.queryParameters.get("notice").flatMap { notices[String($0)] }
            return try await vault.read { workspace in
                let providers = ProviderRoutes.list(workspace, environment: vault.environment).providers.filter(\.remote)
                let rows = providers.map { ["name": $0.name, "set": $0.keyPresent] as [String: Any] }
                var context: [String: Any] = ["providers": rows]
                context["notice"] = notice
                return try PageRenderer.render("keys", section: "status", title: "Provider keys", context)
            }
        })
        router.post("/settings/keys", use: WebRoutes.page(back: "/settings/keys") { request, _ in
            let form = try await FormBody.read(request, limit: 16_384)
            let provider = form.field("provider") ?? ""
            let key = form.text("key") ?? ""
            let clear = form.field("action") == "clear"
            _ = try await vault.read { clear ? try $0.providers.clearKey(provider) : try $0.providers.setKey(provider, key: key) }
            return HTMLPage.redirect("/settings/keys?notice=" + (clear ? "key-cleared" : "key-saved"))
        })
    }
}
