import Foundation
import Hummingbird
import VoiceCloneKit

/// Voices (cards, create, delete with confirmation) and a voice (samples, upload, import, analyse, DNA, pictures).
enum VoicePages {
    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let limit = state.configuration.maxJSONBytes

        let list: WebRoutes.Handler = WebRoutes.page { request, _ in
            let notice = Notice.message(request)
            return try await vault.read { try voicesPage($0, figures: state.figures, notice: notice) }
        }
        router.get("/voices", use: list)
        router.post("/voices", use: WebRoutes.page(back: "/voices") { request, _ in
            let form = try await FormBody.read(request, limit: limit)
            guard let name = form.field("name") else {
                throw Problem(status: .unprocessableContent, detail: "Give the voice a name.")
            }
            let clone = try await vault.write { try $0.clones.create(name: name, description: form.field("description"), tags: tagList(form.field("tags"))) }
            return HTMLPage.redirect("/voices/\(WebRoutes.segment(clone.slug))?notice=created")
        })
        router.get("/voices/:clone", use: WebRoutes.page(back: "/voices") { request, context in
            let clone = try context.path("clone"), notice = Notice.message(request)
            return try await vault.read { try voicePage($0, figures: state.figures, clone: clone, notice: notice) }
        })
        router.post("/voices/:clone/edit", use: WebRoutes.page { request, context in
            let clone = try context.path("clone")
            let form = try await FormBody.read(request, limit: limit)
            let description = form.field("description") ?? ""
            let tags = form.field("tags") ?? ""
            let notes = (form.text("notes") ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            let newNotes = notes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "" : notes.hasSuffix("\n") ? notes : notes + "\n"
            do {
                // Only what the form changed, so saving an untouched form makes no commit.
                let edited = try await vault.write { workspace in
                    let current = try workspace.clones.show(clone)
                    var edit = CloneEdit()
                    if description != (current.clone.description ?? "") { edit.description = description }
                    if tagList(tags) != current.clone.tags { edit.setTags = tagList(tags) }
                    if newNotes != current.notes { edit.notes = newNotes }
                    return try workspace.clones.edit(clone, edit)
                }
                return HTMLPage.redirect("/voices/\(WebRoutes.segment(edited.slug))?notice=edited#edit")
            } catch {
                let refused = FormRefusal(form: "edit", error: error, values: ["description": description, "tags": tags, "notes": notes])
                return try await vault.read { try voicePage($0, figures: state.figures, clone: clone, notice: nil, refusal: refused) }
            }
        })
        router.post("/voices/:clone/rename", use: WebRoutes.page { request, context in
            let clone = try context.path("clone")
            let form = try await FormBody.read(request, limit: limit)
            let name = form.field("name") ?? ""
            do {
                guard !name.isEmpty else { throw Problem(status: .unprocessableContent, detail: "Give the voice its new name.") }
                let renamed = try await vault.write { try $0.clones.rename(clone, to: name) }
                return HTMLPage.redirect("/voices/\(WebRoutes.segment(renamed.slug))?notice=renamed")
            } catch {
                let refused = FormRefusal(form: "rename", error: error, values: ["name": name])
                return try await vault.read { try voicePage($0, figures: state.figures, clone: clone, notice: nil, refusal: refused) }
            }
        })
        router.get("/voices/:clone/delete", use: WebRoutes.page(back: "/voices") { _, context in
            let clone = try context.path("clone")
            return try await vault.read { workspace in
                let detail = try workspace.clones.show(clone)
                return try PageRenderer.render("delete-voice", section: "voices", title: "Delete \(detail.clone.name)?", [
                    "name": detail.clone.name, "slug": WebRoutes.segment(detail.clone.slug),
                    "samples": detail.clone.samples, "words": WebRoutes.formatted(detail.clone.words),
                ])
            }
        })
        router.post("/voices/:clone/delete", use: WebRoutes.page(back: "/voices") { request, context in
            let clone = try context.path("clone")
            let form = try await FormBody.read(request, limit: limit)
            guard form.field("confirm") == "yes" else { return HTMLPage.redirect("/voices/\(WebRoutes.segment(clone))") }
            _ = try await vault.write { try $0.clones.delete(clone) }
            return HTMLPage.redirect("/voices?notice=deleted")
        })
        router.post("/voices/:clone/samples", use: WebRoutes.page { request, context in
            let clone = try context.path("clone")
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw Problem(status: .unsupportedMediaType, detail: "Upload samples with the form on the voice's page (multipart/form-data).")
            }
            let buffer = try await request.body.collect(upTo: state.configuration.maxUploadBytes)
            let form = try MultipartForm.parse(buffer, boundary: boundary)
            let files = form.files.filter { !($0.filename ?? "").isEmpty && !$0.data.isEmpty }
            guard !files.isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "Choose one or more files to upload.")
            }
            let options = try SampleRoutes.addOptions(title: form.field("title"), type: form.field("type"),
                                                      aiAssisted: form.field("ai_assisted").map(SampleRoutes.flag), splitChapters: nil)
            let staged = try UploadStaging(files: files.map { ($0.filename ?? "upload", $0.data) })
            defer { staged.remove() }
            let results = staged.presented(try await vault.write {
                try $0.samples.add(clone, inputs: staged.paths, standardInput: { Data() }, options: options)
            })
            return try added(results, clone: clone)
        })
        router.post("/voices/:clone/import", use: WebRoutes.page { request, context in
            let clone = try context.path("clone")
            let form = try await FormBody.read(request, limit: limit)
            guard let url = form.field("url"), ["http://", "https://"].contains(where: url.lowercased().hasPrefix),
                  URL(string: url)?.host != nil else {
                throw Problem(status: .unprocessableContent, detail: "Give a web address starting with http:// or https://.")
            }
            let options = try SampleRoutes.addOptions(title: form.field("title"), type: form.field("type"), aiAssisted: nil, splitChapters: nil)
            let results = try await vault.write { try $0.samples.add(clone, inputs: [url], standardInput: { Data() }, options: options) }
            return try added(results, clone: clone)
        })
        router.post("/voices/:clone/analyse", use: WebRoutes.page { _, context in
            let clone = try context.path("clone")
            _ = try await vault.write { try $0.dna.analyze(clone) }
            return HTMLPage.redirect("/voices/\(WebRoutes.segment(clone))?notice=analysed#dna")
        })
        for picture in ["sentences", "habits", "timeline", "features"] {
            router.get("/voices/:clone/\(picture).svg", use: WebRoutes.page { _, context in
                let clone = try context.path("clone")
                return HTMLPage.svg(try await vault.read { try svg(picture, workspace: $0, clone: clone) ?? "" })
            })
        }
        router.get("/map.svg", use: WebRoutes.page { _, _ in
            HTMLPage.svg(try await vault.read { workspace in
                let key = workspace.pictures.fingerprint()
                return VoicePictures.map(try state.figures.value("map:200", key: key) { try workspace.pictures.voiceMap() }, highlight: nil)
            })
        })
    }

    /// "work, blog" -> ["work", "blog"].
    static func tagList(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A form Kit refused: which one, why (the API's words and status), and what was typed, shown again in it.
    struct FormRefusal {
        var form: String
        var error: any Error
        var values: [String: String]
    }

    /// After an upload or import: back to the voice when something was added, else a page listing what failed.
    static func added(_ results: [SampleAddResult], clone: String) throws -> Response {
        let failed = results.filter { $0.status == .failed }
        if failed.isEmpty {
            let notice = results.contains { $0.status == .added } ? "uploaded" : "unchanged"
            return HTMLPage.redirect("/voices/\(WebRoutes.segment(clone))?notice=\(notice)#samples")
        }
        let reasons = failed.map { "\($0.input): \($0.reason ?? "could not be read")" }.joined(separator: " ")
        let addedCount = results.filter { $0.status == .added }.count
        throw Problem(status: .unprocessableContent,
                      detail: (addedCount > 0 ? "\(addedCount) file(s) were added; " : "") + "not added: " + reasons)
    }

    static func svg(_ picture: String, workspace: Workspace, clone: String) throws -> String? {
        let detail = try workspace.clones.show(clone)
        let name = detail.clone.name
        guard detail.clone.dnaVersion != nil else {
            throw Problem(status: .notFound, detail: "\(name) has not been analysed yet; analyse it on its page first.")
        }
        switch picture {
        case "sentences":
            let dna = try workspace.dna.load(of: clone)
            return VoicePictures.sentenceHistogram(voice: name, bins: dna.sentences.histogram, meanLength: dna.sentences.meanLength)
        case "habits":
            return VoicePictures.habits(voice: name, habits: try workspace.pictures.habits(of: clone))
        case "timeline":
            return VoicePictures.timeline(voice: name, entries: try workspace.pictures.timeline(of: clone))
        case "features":
            return VoicePictures.featureTimeline(voice: name, series: try workspace.dna.featureHistory(of: clone))
        default:
            return nil
        }
    }

    /// The voice page's map and the voices page's tree, from one reading of up to 40 samples a voice.
    static func sharedFigures(_ workspace: Workspace, figures: FigureCache, key: String) throws -> VoiceMapAndTree {
        try figures.value("map-and-tree:40", key: key) { try workspace.pictures.voiceMapAndTree(samplesPerVoice: 40) }
    }

    static func voicesPage(_ workspace: Workspace, figures: FigureCache, notice: String?) throws -> Response {
        let voices: [[String: Any]] = workspace.clones.list().map { clone in
            var card: [String: Any] = [
                "name": clone.name, "href": "/voices/\(WebRoutes.segment(clone.slug))", "slug": clone.slug,
                "avatar": VoicePictures.avatar(name: clone.name, slug: clone.slug),
                "samples": WebRoutes.formatted(clone.samples), "words": WebRoutes.formatted(clone.words),
                "tags": clone.tags.joined(separator: ", "), "hasTags": !clone.tags.isEmpty,
                "stale": clone.stale ?? false, "merged": clone.mergedFrom != nil,
            ]
            card["description"] = WebRoutes.nonEmpty(clone.description)
            if let version = clone.dnaVersion, let dna = try? workspace.dna.load(of: clone.slug) {
                card["dnaVersion"] = version
                card["confidence"] = dna.confidence.score
                card["advice"] = WebRoutes.nonEmpty(dna.confidence.advice.first)
            }
            return card
        }
        var context: [String: Any] = [:]
        context["notice"] = notice
        context["voices"] = voices
        context["empty"] = voices.isEmpty
        // The same 40 samples a voice as the voice page's map, read once for both pictures (kept together), so they
        // agree and whichever page comes first pays for the other.
        let tree = try sharedFigures(workspace, figures: figures, key: workspace.pictures.fingerprint()).tree
        if !tree.joins.isEmpty {
            context["treeSVG"] = VoicePictures.tree(tree, highlight: nil)
            context["treeJoins"] = VoicePictures.treeJoins(tree)
        }
        return try PageRenderer.render("voices", section: "voices", title: "Voices", context)
    }

    static func voicePage(_ workspace: Workspace, figures: FigureCache, clone: String, notice: String?,
                          refusal: FormRefusal? = nil) throws -> Response {
        // Taken before anything is read, so figures kept under it are never older than the key.
        let key = workspace.pictures.fingerprint()
        let detail = try workspace.clones.show(clone)
        let summary = detail.clone, slug = WebRoutes.segment(summary.slug)
        var context: [String: Any] = [:]
        context["editDescription"] = summary.description ?? ""
        context["editTags"] = summary.tags.joined(separator: ", ")
        context["editNotes"] = detail.notes
        context["renameName"] = summary.name
        var status = HTTPResponse.Status.ok
        if let refusal {
            let problem = ErrorStatus.problem(for: refusal.error)
            status = .init(code: problem.status)
            context[refusal.form + "Error"] = problem.detail
            if refusal.form == "edit" {
                context["editDescription"] = refusal.values["description"] ?? ""
                context["editTags"] = refusal.values["tags"] ?? ""
                context["editNotes"] = refusal.values["notes"] ?? ""
            } else {
                context["renameName"] = refusal.values["name"] ?? ""
            }
        }
        context["notice"] = notice
        context["name"] = summary.name
        context["slug"] = slug
        context["description"] = WebRoutes.nonEmpty(summary.description)
        context["tags"] = summary.tags.joined(separator: ", ")
        context["sampleCount"] = WebRoutes.formatted(summary.samples)
        context["words"] = WebRoutes.formatted(summary.words)
        context["samples"] = detail.samples.map { sample -> [String: Any] in
            var row: [String: Any] = [
                "id": sample.id, "idSegment": WebRoutes.segment(sample.id), "title": sample.title, "type": sample.contentType,
                "words": WebRoutes.formatted(sample.words), "source": sample.source ?? sample.sourceType ?? "",
                "aiAssisted": sample.aiAssisted, "added": sample.added ?? "",
            ]
            // Kit's mark on a copy sync kept (this vault's text of a sample both sides edited): said in words.
            if let original = sample.conflictOf { row["conflict"] = ["of": original] }
            return row
        }
        context["conflictCopies"] = detail.samples.filter { $0.conflictOf != nil }.count
        context["hasConflictCopies"] = detail.samples.contains { $0.conflictOf != nil }
        context["hasSamples"] = !detail.samples.isEmpty
        context["contentTypes"] = ContentType.allCases.map { ["value": $0.rawValue] }
        context["accept"] = SampleImportFormats.extensions.map { "." + $0 }.joined(separator: ",")
        context["formats"] = SampleImportFormats.extensions.map { $0.uppercased() }.joined(separator: ", ")
        if summary.dnaVersion != nil {
            let description = try figures.value("describe:\(summary.slug)", key: key) { try workspace.dna.describe(of: summary.slug) }
            let dna = description.dna
            context["analysed"] = true
            context["dnaVersion"] = dna.version
            context["confidence"] = dna.confidence.score
            context["advice"] = dna.confidence.advice.map { ["text": $0] }
            context["hasAdvice"] = !dna.confidence.advice.isEmpty
            let distinctive = description.traits.filter { abs($0.deviation) >= 1 }.sorted { abs($0.deviation) > abs($1.deviation) }
            context["traits"] = distinctive.map { ["text": $0.description] }
            context["hasTraits"] = !distinctive.isEmpty
            context["usualTraits"] = WebRoutes.nonEmpty(description.traits.filter { abs($0.deviation) < 1 }.map(\.label).joined(separator: ", "))
            context["sentencesSVG"] = VoicePictures.sentenceHistogram(voice: summary.name, bins: dna.sentences.histogram,
                                                                      meanLength: dna.sentences.meanLength)
            context["habitsSVG"] = VoicePictures.habits(voice: summary.name, habits: try figures.value("habits:\(summary.slug)", key: key) {
                try workspace.pictures.habits(of: summary.slug)
            })
            let timeline = try figures.value("timeline:\(summary.slug)", key: key) { try workspace.pictures.timeline(of: summary.slug) }
            context["timelineSVG"] = VoicePictures.timeline(voice: summary.name, entries: timeline)
            context["revisions"] = DNAPages.revisionList(timeline, slug: slug)
            context["compare"] = DNAPages.compareChoices(timeline.map(\.revision.version), slug: slug)
            let features = try figures.value("features:\(summary.slug)", key: key) { try workspace.dna.featureHistory(of: summary.slug) }
            context["featuresSVG"] = VoicePictures.featureTimeline(voice: summary.name, series: features)
            context["featureTable"] = DNAPages.featureTable(features)
        }
        // At most 40 samples a voice on the page's map, so a large vault's page stays quick (the map is a sketch).
        let map = try sharedFigures(workspace, figures: figures, key: key).map
        if !map.points.isEmpty {
            context["mapSVG"] = VoicePictures.map(map, highlight: summary.name)
            context["mapFeatures"] = map.features.prefix(12).joined(separator: ", ")
        }
        return try PageRenderer.render("voice", section: "voices", title: summary.name, context, status: status)
    }
}
