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
                try PageRenderer.render("write", section: "write", title: "Write",
                                        formContext(workspace, servers: state.localServers, voice: voice, platform: nil, provider: nil))
            }
        })
        router.post("/write/rewrite", use: WebRoutes.page(back: "/write") { request, _ in
            let form = try await FormBody.read(request, limit: CheckPage.maxTextBytes)
            guard let voice = form.field("voice") else { throw Problem(status: .unprocessableContent, detail: "Choose a voice to rewrite toward.") }
            let text = (form.text("text") ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "Paste the text to rewrite.")
            }
            return try await vault.read { try rewritePage($0, servers: state.localServers, voice: voice, text: text) }
        })
        router.post("/write/rewrite/keep", use: WebRoutes.page(back: "/write") { request, _ in
            let form = try await FormBody.read(request, limit: CheckPage.maxTextBytes)
            guard let voice = form.field("voice") else { throw Problem(status: .unprocessableContent, detail: "Choose a voice to rewrite toward.") }
            let text = (form.text("text") ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "Paste the text to rewrite.")
            }
            let keeping = try keptChanges(form)
            let kept = try await vault.write { try $0.library.keepRewrite(clone: voice, text: text, keepingChanges: keeping) }
            return HTMLPage.redirect("/library/\(WebRoutes.segment(kept.saved.id))?notice=kept")
        })
        router.post("/write", use: WebRoutes.page(back: "/write") { request, _ in
            let form = try await FormBody.read(request, limit: state.configuration.maxJSONBytes)
            guard let voice = form.field("voice") else { throw Problem(status: .unprocessableContent, detail: "Choose a voice to write in.") }
            let variants = form.field("variants") ?? "1"
            guard let count = Int(variants), (1...maxVariants).contains(count) else {
                throw Problem(status: .unprocessableContent, detail: "Ask for 1 to \(maxVariants) variants.")
            }
            let rounds = try form.field("refine").map { text -> Int in
                guard let rounds = Int(text), refineChoices.contains(rounds) else {
                    throw Problem(status: .unprocessableContent, detail: "Refine takes \(refineChoices.map(String.init).joined(separator: ", ")) rounds, or none.")
                }
                return rounds
            }
            let chosen = form.field("provider")
            // A local model server found by the probe is the compatible provider at that server's address; only a
            // server that answers now can be chosen, so a form cannot point the server at an address of its own.
            let server = try await vault.read { try localServer(chosen, in: $0, servers: state.localServers) }
            let body = GenerateRoutes.Generate(prompt: form.text("prompt") ?? "", platform: form.field("platform"), variants: count,
                                               save: form.checked("save"), provider: server == nil ? chosen : ProviderKind.openAICompatible.rawValue,
                                               model: form.field("model") ?? server?.models.first, refine: rounds)
            var options = try GenerateRoutes.makeOptions(clone: voice, body)
            options.baseURL = server?.baseURL
            let fixed = options
            let report = try await vault.run { try await $0.generation.generate(fixed) }
            return try await vault.read { workspace in
                var context = formContext(workspace, servers: state.localServers, voice: voice, platform: body.platform, provider: chosen,
                                          variants: count, refine: rounds)
                context["prompt"] = body.prompt
                context["model"] = form.field("model") ?? ""
                context["save"] = body.save ?? false
                if report.results.count > 1 {
                    // Several variants: side by side below; the draft box holds the first to edit and count.
                    context["variantResults"] = report.results.map(resultContext)
                    context["variantCount"] = report.results.count
                    context["draft"] = report.results[0].piece.text
                } else if let result = report.results.first {
                    var shown = resultContext(result)
                    shown["draftFlags"] = flagsContext(workspace, text: result.piece.text, voice: voice)
                    context["result"] = shown
                    context["draft"] = result.piece.text
                }
                context["warnings"] = report.warnings.map { ["text": $0] }
                return try PageRenderer.render("write", section: "write", title: "Write", context)
            }
        })
    }

    /// The changes a "Keep this" form ticked, by index; nil keeps them all. Each change's box is ticked by
    /// default and the unticked ones go back as the draft had them; a form without the count keeps every change.
    static func keptChanges(_ form: FormBody) throws -> Set<Int>? {
        guard let field = form.field("changes") else { return nil }
        let invalid = Problem(status: .unprocessableContent, detail: "The list of changes is not valid; rewrite the text again.")
        guard let shown = Int(field), (0...10_000).contains(shown) else { throw invalid }
        let ticked = form.values("keep").compactMap(Int.init)
        guard ticked.count == form.values("keep").count else { throw invalid }
        let keeping = Set(ticked)
        return keeping == Set(0..<shown) ? nil : keeping
    }

    /// The rewrite form's post: the offline rewrite (Kit's `rewrite`, nothing saved), shown before and after.
    static func rewritePage(_ workspace: Workspace, servers: LocalServerCache, voice: String, text: String) throws -> Response {
        var context = formContext(workspace, servers: servers, voice: voice, platform: nil, provider: nil)
        context["rewriteText"] = text
        let name = try workspace.clones.show(voice).clone
        let report = try workspace.detection.rewrite(clone: name.slug, text: NamedText(file: "pasted text", text: text))
        let paragraphs = report.text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        context["rewrite"] = [
            "voice": name.name, "voiceValue": name.slug, "original": text,
            "scores": [
                ["label": "Sounds like \(name.name)", "before": "\(report.before.voiceMatch)/100", "after": "\(report.after.voiceMatch)/100"],
                ["label": "AI-likeness (lower is better)", "before": "\(report.before.aiLikeness)/100", "after": "\(report.after.aiLikeness)/100"],
            ],
            "changes": report.diff.changes.enumerated().map { index, change -> [String: Any] in
                ["index": index, "number": index + 1, "before": change.before, "after": change.after,
                 "reasons": change.reasons, "hasReasons": !change.reasons.isEmpty]
            },
            "hasChanges": !report.diff.changes.isEmpty,
            "changeCount": report.diff.changes.count,
            "paragraphs": paragraphs.map { ["text": $0] },
            "warnings": report.warnings.map { ["text": $0] },
        ] as [String: Any]
        return try PageRenderer.render("write", section: "write", title: "Rewrite", context)
    }

    /// Refine rounds the form offers (Kit's `RefineOptions.rounds`, the first draft included).
    static let refineChoices = [2, 3]

    /// The local model server a form chose (`server:PORT`), as a probe made now finds it (never the kept one, so a
    /// form cannot aim at a server that has gone, nor at any address of its own); nil for any other provider.
    static func localServer(_ choice: String?, in workspace: Workspace, servers: LocalServerCache) throws -> LocalServer? {
        guard let choice, choice.hasPrefix(serverPrefix) else { return nil }
        let port = Int(choice.dropFirst(serverPrefix.count))
        guard let server = servers.refreshed({ workspace.providers.probeLocalServers() }).servers.first(where: { $0.port == port }) else {
            throw Problem(status: .unprocessableContent,
                          detail: "No local model server answers on port \(choice.dropFirst(serverPrefix.count)) now. Start it, or choose another provider.")
        }
        return server
    }

    static let serverPrefix = "server:"

    static func formContext(_ workspace: Workspace, servers: LocalServerCache, voice: String?, platform: String?, provider: String?,
                            variants: Int = 1, refine: Int? = nil) -> [String: Any] {
        let platforms = Platform.presets.map { preset -> [String: Any] in
            // A whole-piece limit (LinkedIn), or a per-post one (X: each post of a thread).
            let limit = preset.maxChars ?? preset.maxCharsPerPost
            let perPost = preset.maxChars == nil && preset.maxCharsPerPost != nil
            let label = limit.map { "\(preset.name) (up to \(WebRoutes.formatted($0)) characters\(perPost ? " a post" : ""))" } ?? preset.name
            return ["value": preset.name, "limit": limit.map(String.init) ?? "", "perPost": perPost, "label": label,
                    "selected": preset.name == (platform ?? "linkedin")]
        }
        // The local servers from a recent probe (ServerState.localServers, 30 seconds by default); keys are read now.
        let found = servers.scan { workspace.providers.probeLocalServers() }
        let choices = providerChoices(workspace.providers.list(found: found), selected: provider ?? workspace.config.defaultProvider,
                                      vaultModel: workspace.config.defaultModel)
        return ["voices": WebRoutes.voiceOptions(workspace, selected: voice), "platforms": platforms,
                "providers": choices.options, "models": choices.models.map { ["value": $0] }, "providerNote": choices.note,
                "variantChoices": (1...maxVariants).map { ["value": $0, "selected": $0 == variants] },
                "refineChoices": refineChoices.map { ["value": $0, "selected": $0 == refine] },
                "prompt": "", "model": "", "draft": "", "hasVoices": !workspace.clones.list().isEmpty]
    }

    /// The providers as `GET /api/providers` reports them (Kit's `providers()`): each remote with whether it is set
    /// up, the local model servers that answer, the offline engine, and `auto` with what it would pick now. Models
    /// are suggestions for the model field: each provider's default and every model a local server lists.
    static func providerChoices(_ report: ProvidersReport, selected: String, vaultModel: String?)
        -> (options: [[String: Any]], models: [String], note: String) {
        var options: [[String: Any]] = [["value": "auto", "label": "auto: \(report.auto)"]]
        for remote in report.configured {
            let state: String
            if remote.usable {
                state = remote.keyPresent ? "key set" + (remote.keySource.map { " (\($0))" } ?? "") : "endpoint set"
            } else {
                state = remote.provider == ProviderKind.openAICompatible.rawValue ? "no endpoint set yet" : "no key yet: add one on the keys page"
            }
            options.append(["value": remote.provider, "label": "\(remote.provider): \(state)"])
        }
        for server in report.localServers {
            let models = server.models.isEmpty ? "no models listed" : "\(server.models.count) model(s)"
            options.append(["value": "\(serverPrefix)\(server.port)", "label": "\(server.name) on this computer, port \(server.port): \(models)"])
        }
        options.append(["value": ProviderKind.local.rawValue, "label": "local: offline, no model"])
        for index in options.indices { options[index]["selected"] = (options[index]["value"] as? String) == selected }
        var models: [String] = []
        for model in [vaultModel].compactMap({ $0 }) + report.configured.compactMap(\.defaultModel) + report.localServers.flatMap(\.models)
        where !models.contains(model) {
            models.append(model)
        }
        let servers = report.localServers.isEmpty
            ? "No local model server answered (ports \(report.probedPorts.map(String.init).joined(separator: ", ")))."
            : "Local model servers found: " + report.localServers.map { "\($0.name) (port \($0.port))" }.joined(separator: ", ") + "."
        return (options, models, servers)
    }

    /// The draft's flagged sentences (Kit's `detect`, as the Check page shows them), or nil when none stands out.
    static func flagsContext(_ workspace: Workspace, text: String, voice: String) -> [String: Any]? {
        guard let detection = try? workspace.detection.detect(texts: [NamedText(file: "draft", text: text)], clone: voice).first?.detection else {
            return nil
        }
        let context = CheckPage.detectionContext(detection, text: text)
        return (context["hasFlags"] as? Bool) == true ? context : nil
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
        if let refine = result.refine {
            context["refine"] = [
                "kept": refine.keptRound, "passed": refine.passed,
                "aims": "voice match at least \(refine.minVoiceMatch), AI-likeness at most \(refine.maxAILikeness)",
                "rounds": refine.rounds.map { round -> [String: Any] in
                    ["round": round.round, "voiceMatch": round.voiceMatch.map { "\($0)/100" } ?? "not scored",
                     "aiLikeness": "\(round.aiLikeness)/100", "action": round.action,
                     "verdict": round.passed ? "✓ meets the aims" : "✗ misses the aims", "kept": round.round == refine.keptRound]
                },
            ] as [String: Any]
        }
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
