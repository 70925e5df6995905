import Foundation
import Hummingbird
import VoiceCloneKit

/// Merge: two to four analysed voices, a weight each, a name; Kit's `merge` (what `voiceclone merge` runs) blends
/// their DNA into a new voice, committed, and the browser goes to its page. A refused form comes back filled in.
enum MergePage {
    static let maxSources = 4

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/merge", use: WebRoutes.page(back: "/voices") { _, _ in
            try await vault.read { try page($0, chosen: [], weights: [:], name: "", error: nil) }
        })
        router.post("/merge", use: WebRoutes.page(back: "/merge") { request, _ in
            let form = try await FormBody.read(request, limit: state.configuration.maxJSONBytes)
            let chosen = form.values("voice")
            let typed = Dictionary(chosen.map { ($0, form.field("weight-\($0)") ?? "") }, uniquingKeysWith: { first, _ in first })
            let name = form.field("name") ?? ""
            do {
                let weights = try validate(chosen: chosen, typed: typed, name: name)
                let merged = try await vault.write { try $0.merges.create(sources: chosen, weights: weights, name: name) }
                return HTMLPage.redirect("/voices/\(WebRoutes.segment(merged.clone))?notice=merged")
            } catch {
                return try await vault.read { try page($0, chosen: chosen, weights: typed, name: name, error: error) }
            }
        })
    }

    /// The checks a browser's own validation may skip: how many voices, readable positive weights, a name.
    static func validate(chosen: [String], typed: [String: String], name: String) throws -> [Double] {
        guard (2...maxSources).contains(chosen.count) else {
            throw Problem(status: .unprocessableContent, detail: "Pick two to four voices to merge (\(chosen.count) picked).")
        }
        guard Set(chosen).count == chosen.count else {
            throw Problem(status: .unprocessableContent, detail: "Pick each voice once.")
        }
        let weights = try chosen.map { slug -> Double in
            guard let weight = Double(typed[slug] ?? ""), weight.isFinite, weight > 0 else {
                throw Problem(status: .unprocessableContent, detail: "Give \(slug) a weight above 0 (weights are shares: 70 and 30 blend 70% and 30%).")
            }
            return weight
        }
        guard !name.isEmpty else { throw Problem(status: .unprocessableContent, detail: "Name the new voice.") }
        return weights
    }

    static func page(_ workspace: Workspace, chosen: [String], weights: [String: String], name: String, error: (any Error)?) throws -> Response {
        let analysed = workspace.clones.list().filter { $0.dnaVersion != nil }
        var context: [String: Any] = [:]
        context["voices"] = analysed.enumerated().map { i, clone -> [String: Any] in
            ["index": i, "slug": clone.slug, "name": clone.name, "checked": chosen.contains(clone.slug),
             "weight": weights[clone.slug].flatMap(WebRoutes.nonEmpty) ?? "50", "merged": clone.mergedFrom != nil]
        }
        context["canMerge"] = analysed.count >= 2
        context["mergeName"] = name
        var status = HTTPResponse.Status.ok
        if let error {
            let problem = ErrorStatus.problem(for: error)
            status = .init(code: problem.status)
            context["error"] = problem.detail
        }
        return try PageRenderer.render("merge", section: "voices", title: "Merge voices", context, status: status)
    }
}
