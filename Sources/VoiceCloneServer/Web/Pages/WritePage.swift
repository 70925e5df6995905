import Foundation
import Hummingbird
import VoiceCloneGeneration
import VoiceCloneKit
import VoiceCloneProviders

/// Write: a voice, a platform, a prompt, a provider; the draft streams in (app.js over the API's SSE endpoint)
/// or, without JavaScript, arrives whole after the form posts. The character count is checked against the
/// platform's limit as the draft grows; a saved draft goes to the library, committed.
enum WritePage {
    /// Variants one form asks for: enough to compare side by side on one screen.
    static let maxVariants = 3

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/write", use: WebRoutes.page { request, _ in
            let voice = request.stringQuery("voice")
            return try await vault.read { workspace in
                try PageRenderer.render("write", section: "write", title: "Write", formContext(workspace, voice: voice, platform: nil, provider: nil))
            }
        })
        router.post("/write/rewrite", use: WebRoutes.page(back: "/write") { request, _ in
            let form = try await FormBody.read(request, limit: CheckPage.maxTextBytes)
            guard let voice = form.field("voice") else { throw Problem(status: .unprocessableContent, detail: "Choose a voice to rewrite toward.") }
            let text = (form.text("text") ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "Paste the text to rewrite.")
            }
            return try await vault.read { try rewritePage($0, voice: voice, text: text) }
        })
        router.post("/write/rewrite/keep", use: WebRoutes.page(back: "/write") { request, _ in
            let form = try await FormBody.read(request, limit: CheckPage.maxTextBytes)
            guard let voice = form.field("voice") else { throw Problem(status: .unprocessableContent, detail: "Choose a voice to rewrite toward.") }
            let text = (form.text("text") ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "Paste the text to rewrite.")
            }
            let kept = try await vault.write { try $0.keepRewrite(clone: voice, text: text) }
            return HTMLPage.redirect("/library/\(WebRoutes.segment(kept.saved.id))?notice=kept")
        })
        router.post("/write", use: WebRoutes.page(back: "/write") { request, _ in
            let form = try await FormBody.read(request, limit: state.configuration.maxJSONBytes)
            guard let voice = form.field("voice") else { throw Problem(status: .unprocessableContent, detail: "Choose a voice to write in.") }
            let variants = form.field("variants") ?? "1"
            guard let count = Int(variants), (1...maxVariants).contains(count) else {
                throw Problem(status: .unprocessableContent, detail: "Ask for 1 to \(maxVariants) variants.")
            }
            let body = GenerateRoutes.Generate(prompt: form.text("prompt") ?? "", platform: form.field("platform"), variants: count,
                                               save: form.checked("save"), provider: form.field("provider"), model: form.field("model"))
            let options = try GenerateRoutes.makeOptions(clone: voice, body)
            let report = try await vault.run { try await $0.generate(options) }
            return try await vault.read { workspace in
                var context = formContext(workspace, voice: voice, platform: body.platform, provider: body.provider, variants: count)
                context["prompt"] = body.prompt
                context["model"] = body.model ?? ""
                context["save"] = body.save ?? false
                if report.results.count > 1 {
                    // Several variants: side by side below; the draft box holds the first to edit and count.
                    context["variantResults"] = report.results.map(resultContext)
                    context["variantCount"] = report.results.count
                    context["draft"] = report.results[0].piece.text
                } else if let result = report.results.first {
                    context["result"] = resultContext(result)
                    context["draft"] = result.piece.text
                }
                context["warnings"] = report.warnings.map { ["text": $0] }
                return try PageRenderer.render("write", section: "write", title: "Write", context)
            }
        })
    }

    /// The rewrite form's post: the offline rewrite (Kit's `rewrite`, nothing saved), shown before and after.
    static func rewritePage(_ workspace: Workspace, voice: String, text: String) throws -> Response {
        var context = formContext(workspace, voice: voice, platform: nil, provider: nil)
        context["rewriteText"] = text
        let name = try workspace.showClone(voice).clone
        let report = try workspace.rewrite(clone: name.slug, text: NamedText(file: "pasted text", text: text))
        let paragraphs = report.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        context["rewrite"] = [
            "voice": name.name, "voiceValue": name.slug, "original": text,
            "scores": [
                ["label": "Sounds like \(name.name)", "before": "\(report.before.voiceMatch)/100", "after": "\(report.after.voiceMatch)/100"],
                ["label": "AI-likeness (lower is better)", "before": "\(report.before.aiLikeness)/100", "after": "\(report.after.aiLikeness)/100"],
            ],
            "changes": report.diff.changes.map { change -> [String: Any] in
                ["before": change.before, "after": change.after, "reasons": change.reasons, "hasReasons": !change.reasons.isEmpty]
            },
            "hasChanges": !report.diff.changes.isEmpty,
            "changeCount": report.diff.changes.count,
            "paragraphs": paragraphs.map { ["text": $0] },
            "warnings": report.warnings.map { ["text": $0] },
        ] as [String: Any]
        return try PageRenderer.render("write", section: "write", title: "Rewrite", context)
    }

    static func formContext(_ workspace: Workspace, voice: String?, platform: String?, provider: String?, variants: Int = 1) -> [String: Any] {
        let platforms = Platform.presets.map { preset -> [String: Any] in
            // A whole-piece limit (LinkedIn), or a per-post one (X: each post of a thread).
            let limit = preset.maxChars ?? preset.maxCharsPerPost
            let perPost = preset.maxChars == nil && preset.maxCharsPerPost != nil
            let label = limit.map { "\(preset.name) (up to \(WebRoutes.formatted($0)) characters\(perPost ? " a post" : ""))" } ?? preset.name
            return ["value": preset.name, "limit": limit.map(String.init) ?? "", "perPost": perPost, "label": label,
                    "selected": preset.name == (platform ?? "linkedin")]
        }
        let providers = ProviderKind.allCases.map { kind -> [String: Any] in
            ["value": kind.rawValue, "label": kind == .local ? "local (offline, no model)" : kind.rawValue,
             "selected": kind.rawValue == (provider ?? "local")]
        }
        return ["voices": WebRoutes.voiceOptions(workspace, selected: voice), "platforms": platforms, "providers": providers,
                "variantChoices": (1...maxVariants).map { ["value": $0, "selected": $0 == variants] },
                "prompt": "", "model": "", "draft": "", "hasVoices": !workspace.listClones().isEmpty]
    }

    static func resultContext(_ result: GenerationResult) -> [String: Any] {
        let paragraphs = result.piece.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var context: [String: Any] = [
            "variant": result.variant, "provider": result.piece.provider, "model": result.piece.model,
            "characters": result.piece.text.count, "paragraphs": paragraphs.map { ["text": $0] },
            "checks": result.piece.checks.map { ["name": $0.name, "passed": $0.passed, "detail": $0.detail] },
            "exemplars": exemplarLinks(result.exemplarSampleIDs, clone: result.clone),
            "hasExemplars": !result.exemplarSampleIDs.isEmpty,
            "limitBreaches": result.limitBreaches.map { ["text": $0] },
        ]
        if let match = result.voiceMatch { context["voiceMatch"] = match }
        if let ai = result.aiLikeness { context["aiLikeness"] = ai }
        if let saved = result.saved { context["savedID"] = saved.id; context["savedHref"] = "/library/\(WebRoutes.segment(saved.id))" }
        return context
    }

    /// The samples a provider's prompt showed whole, each a link to its page in the voice.
    static func exemplarLinks(_ ids: [String], clone: String) -> [[String: Any]] {
        ids.map { ["id": $0, "href": "/voices/\(WebRoutes.segment(clone))/samples/\(WebRoutes.segment($0))"] }
    }
}
