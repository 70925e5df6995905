import Foundation
import Hummingbird
import VoiceCloneKit

/// Library: pieces filtered by voice, platform and status; one piece with its provenance, its text editable in
/// place (saved and committed through Kit) and its status changeable.
enum LibraryPages {
    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/library", use: WebRoutes.page(back: "/library") { request, _ in
            let voice = request.stringQuery("voice"), platform = request.stringQuery("platform"), status = request.stringQuery("status")
            let query = request.stringQuery("q")
            return try await vault.read { try listPage($0, voice: voice, platform: platform, status: status, query: query) }
        })
        router.get("/library/:piece", use: WebRoutes.page(back: "/library") { request, context in
            let id = try context.path("piece"), notice = Notice.message(request)
            return try await vault.read { try piecePage($0, id: id, notice: notice) }
        })
        router.post("/library/:piece", use: WebRoutes.page { request, context in
            let id = try context.path("piece")
            let form = try await FormBody.read(request, limit: state.configuration.maxUploadBytes)
            let document = try await vault.write { try $0.library.editText(id, text: form.text("text") ?? "") }
            return HTMLPage.redirect("/library/\(WebRoutes.segment(document.entry.id))?notice=saved")
        })
        router.post("/library/:piece/status", use: WebRoutes.page { request, context in
            let id = try context.path("piece")
            let form = try await FormBody.read(request, limit: 4096)
            guard let status = form.field("status").flatMap(LibraryStatus.init(loose:)) else {
                throw Problem(status: .unprocessableContent, detail: "Choose draft, approved or published.")
            }
            let entry = try await vault.write { try $0.library.setStatus(id, to: status) }
            return HTMLPage.redirect("/library/\(WebRoutes.segment(entry.id))?notice=status")
        })
    }

    static let statuses = ["draft", "approved", "published"]

    static func listPage(_ workspace: Workspace, voice: String?, platform: String?, status: String?, query: String?) throws -> Response {
        var parsedStatus: LibraryStatus?
        if let status {
            guard let parsed = LibraryStatus(loose: status) else { throw Problem.badRequest("Status is draft, approved or published.") }
            parsedStatus = parsed
        }
        var entries = try workspace.library.entries(LibraryFilter(clone: voice, platform: platform, status: parsedStatus)).entries
        if let query {
            let hits = Set(try workspace.library.search(query).map(\.entry.id))
            entries = entries.filter { hits.contains($0.id) }
        }
        let names = Dictionary(workspace.clones.list().map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        let context: [String: Any] = [
            "voices": WebRoutes.voiceOptions(workspace, selected: voice),
            "platforms": Platform.presets.map { ["value": $0.name, "selected": $0.name == platform] },
            "statuses": statuses.map { ["value": $0, "selected": $0 == status] },
            "query": query ?? "",
            "pieces": entries.map { entry -> [String: Any] in
                ["id": entry.id, "href": "/library/\(WebRoutes.segment(entry.id))", "voice": names[entry.clone] ?? entry.clone,
                 "platform": entry.platform, "status": entry.status.rawValue, "words": entry.words, "created": entry.created,
                 "prompt": entry.prompt]
            },
            "empty": entries.isEmpty,
        ]
        return try PageRenderer.render("library", section: "library", title: "Library", context)
    }

    static func piecePage(_ workspace: Workspace, id: String, notice: String?) throws -> Response {
        let document = try workspace.library.document(id)
        let entry = document.entry
        let limit = Platform.presets.first { $0.name == entry.platform }?.maxChars
        var context: [String: Any] = [:]
        context["notice"] = notice
        context["id"] = entry.id
        context["idSegment"] = WebRoutes.segment(entry.id)
        context["text"] = document.text
        context["characters"] = document.text.count
        context["limit"] = limit.map(String.init)
        context["overLimit"] = limit.map { document.text.count > $0 } ?? false
        let voice = workspace.clones.list().first { $0.slug == entry.clone }?.name ?? entry.clone
        let provenance: [(String, String)] = [
            ("Voice", voice), ("DNA version", entry.dnaVersion.map(String.init) ?? "none"),
            ("Platform", entry.platform), ("Provider", entry.provider), ("Model", entry.model), ("Prompt", entry.prompt),
            ("Voice match", entry.scores.voiceMatch.map { "\($0) / 100" } ?? "not measured"),
            ("AI-likeness", entry.scores.aiLikeness.map { "\($0) / 100" } ?? "not measured"),
            ("Created", entry.created), ("Words", String(entry.words)),
        ]
        context["provenance"] = provenance.map { ["label": $0.0, "value": $0.1] }
        context["status"] = entry.status.rawValue
        context["statuses"] = statuses.map { ["value": $0, "selected": $0 == entry.status.rawValue] }
        return try PageRenderer.render("piece", section: "library", title: "Piece \(entry.id)", context)
    }
}
