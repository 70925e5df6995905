import Foundation
import Hummingbird
import VoiceCloneKit

/// One sample: its front matter and text (escaped, paragraphs kept), and removing it after a confirmation.
enum SamplePages {
    /// Front matter keys the page shows under their own labels; any other property is listed by its key.
    static let knownKeys: [(key: String, label: String)] = [
        ("content_type", "Kind of writing"), ("source", "Source"), ("source_type", "Source format"), ("author", "Author"),
        ("published", "Published"), ("added", "Added"), ("tags", "Tags"), ("ai_assisted", "Written with AI help"),
        ("conflict_of", "Sync conflict copy of"),
    ]

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/voices/:clone/samples/:sample", use: WebRoutes.page { request, context in
            let clone = try context.path("clone"), sample = try context.path("sample")
            let notice = Notice.message(request)
            return try await vault.read { try samplePage($0, clone: clone, id: sample, notice: notice) }
        })
        router.get("/voices/:clone/samples/:sample/remove", use: WebRoutes.page { _, context in
            let clone = try context.path("clone"), sample = try context.path("sample")
            return try await vault.read { workspace in
                let detail = try workspace.samples.show(clone, id: sample)
                let voice = try workspace.clones.show(clone).clone
                return try PageRenderer.render("remove-sample", section: "voices", title: "Remove \(detail.sample.title)?", [
                    "title": detail.sample.title, "voice": voice.name, "slug": WebRoutes.segment(voice.slug),
                    "idSegment": WebRoutes.segment(detail.sample.id), "words": WebRoutes.formatted(detail.sample.words),
                ])
            }
        })
        router.post("/voices/:clone/samples/:sample/remove", use: WebRoutes.page { request, context in
            let clone = try context.path("clone"), sample = try context.path("sample")
            let form = try await FormBody.read(request, limit: 4096)
            guard form.field("confirm") == "yes" else {
                return HTMLPage.redirect("/voices/\(WebRoutes.segment(clone))/samples/\(WebRoutes.segment(sample))")
            }
            _ = try await vault.write { try $0.samples.remove(clone, id: sample) }
            return HTMLPage.redirect("/voices/\(WebRoutes.segment(clone))?notice=removed#samples")
        })
    }

    static func samplePage(_ workspace: Workspace, clone: String, id: String, notice: String?) throws -> Response {
        let detail = try workspace.samples.show(clone, id: id)
        let voice = try workspace.clones.show(clone).clone
        let sample = detail.sample
        let properties = try workspace.samples.properties(clone, id: sample.id)
        var rows: [[String: Any]] = [["label": "Words", "value": WebRoutes.formatted(sample.words)]]
        for (key, label) in knownKeys {
            if let value = WebRoutes.nonEmpty(properties.first(where: { $0.key == key })?.value) {
                rows.append(["label": label, "value": key == "ai_assisted" ? (value == "true" ? "yes" : "no") : value])
            } else if key == "content_type" {
                rows.append(["label": label, "value": sample.contentType])
            }
        }
        let shown = Set(knownKeys.map(\.key) + ["title"])
        for property in properties where !shown.contains(property.key) {
            rows.append(["label": property.key, "value": property.value])
        }
        rows.append(["label": "File", "value": sample.path])
        let paragraphs = detail.text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var context: [String: Any] = [:]
        context["notice"] = notice
        context["title"] = sample.title
        context["voice"] = voice.name
        context["slug"] = WebRoutes.segment(voice.slug)
        context["idSegment"] = WebRoutes.segment(sample.id)
        context["aiAssisted"] = sample.aiAssisted
        if let original = sample.conflictOf { context["conflict"] = ["of": original] }
        context["properties"] = rows
        context["paragraphs"] = paragraphs.map { ["text": $0] }
        context["empty"] = paragraphs.isEmpty
        return try PageRenderer.render("sample", section: "voices", title: sample.title, context)
    }
}
