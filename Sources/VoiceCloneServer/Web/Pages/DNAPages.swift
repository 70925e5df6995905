import Foundation
import Hummingbird
import VoiceCloneKit

/// One DNA revision: when and why it was made, and what changed from the revision before (Kit's `dna diff`)
/// as a table of feature, before and after.
enum DNAPages {
    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        router.get("/voices/:clone/dna/:version", use: WebRoutes.page { _, context in
            let clone = try context.path("clone")
            guard let version = Int(try context.path("version")) else {
                throw Problem.notFound("DNA versions are numbers: /voices/\(clone)/dna/1.")
            }
            return try await vault.read { try revisionPage($0, clone: clone, version: version) }
        })
        // Any two revisions side by side, chosen on the voice page (a GET form, so it works without JavaScript).
        router.get("/voices/:clone/compare", use: WebRoutes.page { request, context in
            let clone = try context.path("clone")
            let from = try request.intQuery("from", in: 1...1_000_000), to = try request.intQuery("to", in: 1...1_000_000)
            guard let from, let to else {
                throw Problem(status: .badRequest, detail: "Choose two revisions to compare: /voices/\(clone)/compare?from=1&to=2.")
            }
            return try await vault.read { try comparePage($0, clone: clone, from: from, to: to) }
        })
    }

    /// The two-revision form for the voice page: the older one and the newest chosen, when there are two to compare.
    static func compareChoices(_ versions: [Int], slug: String, from: Int? = nil, to: Int? = nil) -> [String: Any]? {
        let sorted = versions.sorted()
        guard sorted.count >= 2 else { return nil }
        let a = from ?? sorted[sorted.count - 2], b = to ?? sorted[sorted.count - 1]
        return ["action": "/voices/\(slug)/compare",
                "fromChoices": sorted.map { ["version": $0, "selected": $0 == a] },
                "toChoices": sorted.map { ["version": $0, "selected": $0 == b] }]
    }

    /// Two revisions side by side: each one's facts, then every value that differs (Kit's `dna.diff`), most important
    /// first, older revision on the left.
    static func comparePage(_ workspace: Workspace, clone: String, from: Int, to: Int) throws -> Response {
        let voice = try workspace.clones.show(clone).clone
        let slug = WebRoutes.segment(voice.slug)
        let (a, b) = (min(from, to), max(from, to))
        let left = try workspace.dna.revision(of: voice.slug, version: a).revision
        let right = try workspace.dna.revision(of: voice.slug, version: b).revision
        let diff = try workspace.dna.diff(of: voice.slug, from: a, to: b)
        func facts(_ revision: DNARevision) -> [String] {
            [date(revision.date), "\(revision.confidence)/100", String(revision.samples), WebRoutes.formatted(revision.words), revision.summary ?? "—"]
        }
        let labels = ["Made", "Confidence", "Samples", "Words", "Message"]
        let leftFacts = facts(left), rightFacts = facts(right)
        var context: [String: Any] = [
            "voice": voice.name, "slug": slug, "from": a, "to": b, "same": a == b,
            "facts": labels.indices.map { ["label": labels[$0], "from": leftFacts[$0], "to": rightFacts[$0]] },
            "changes": diff.changes.map(\.row).map { ["feature": $0.feature, "before": $0.before, "after": $0.after] },
            "hasChanges": !diff.changes.isEmpty, "changeCount": diff.changes.count,
        ]
        context["compare"] = compareChoices(try workspace.dna.versions(of: voice.slug), slug: slug, from: a, to: b)
        return try PageRenderer.render("compare", section: "voices", title: "\(voice.name): DNA version \(a) and \(b)", context)
    }

    /// "2026-12-01 16:40 UTC": the same in every browser and in the tests.
    static func date(_ date: Date?) -> String {
        guard let date else { return "not committed yet" }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The revisions newest first, each linking to its page, for the voice page.
    static func revisionList(_ revisions: [DNATimelineEntry], slug: String) -> [[String: Any]] {
        revisions.reversed().map { entry -> [String: Any] in
            let revision = entry.revision
            var row: [String: Any] = [
                "version": revision.version, "href": "/voices/\(slug)/dna/\(revision.version)", "date": date(revision.date),
                "confidence": revision.confidence, "samples": revision.samples, "words": WebRoutes.formatted(revision.words),
                "changes": entry.largestChanges.map { ["text": $0] }, "hasChanges": !entry.largestChanges.isEmpty,
            ]
            row["message"] = WebRoutes.nonEmpty(revision.summary)
            return row
        }
    }

    /// The headline features as rows of a table, one column per revision: the timeline's numbers in text.
    static func featureTable(_ series: [DNAFeatureSeries]) -> [String: Any] {
        let versions = Array(Set(series.flatMap { $0.points.map(\.version) })).sorted()
        return [
            "versions": versions.map { ["version": $0] },
            "rows": series.map { line -> [String: Any] in
                let values = Dictionary(line.points.map { ($0.version, $0.formatted) }, uniquingKeysWith: { a, _ in a })
                return ["label": line.label, "cells": versions.map { ["value": values[$0] ?? "—"] }]
            },
        ]
    }

    static func revisionPage(_ workspace: Workspace, clone: String, version: Int) throws -> Response {
        let detail = try workspace.dna.revision(of: clone, version: version)
        let voice = try workspace.clones.show(clone).clone
        let slug = WebRoutes.segment(voice.slug)
        let revision = detail.revision
        let versions = try workspace.dna.versions(of: voice.slug)
        var context: [String: Any] = [:]
        context["voice"] = voice.name
        context["slug"] = slug
        context["version"] = revision.version
        context["facts"] = [
            ("Made", date(revision.date)), ("Commit", revision.commit ?? "not committed yet"),
            ("Message", revision.summary ?? "—"), ("Confidence", "\(revision.confidence)/100"),
            ("Samples", String(revision.samples)), ("Words", WebRoutes.formatted(revision.words)),
        ].map { ["label": $0.0, "value": $0.1] }
        context["previous"] = detail.previous
        context["next"] = versions.first { $0 > version }
        context["changes"] = detail.changes.map { ["feature": $0.feature, "before": $0.before, "after": $0.after] }
        context["hasChanges"] = !detail.changes.isEmpty
        context["changeCount"] = detail.changes.count
        let description = try workspace.dna.describe(of: voice.slug, version: version)
        let distinctive = description.traits.filter { abs($0.deviation) >= 1 }.sorted { abs($0.deviation) > abs($1.deviation) }
        context["traits"] = distinctive.map { ["text": $0.description] }
        context["hasTraits"] = !distinctive.isEmpty
        return try PageRenderer.render("revision", section: "voices", title: "\(voice.name): DNA version \(revision.version)", context)
    }
}
