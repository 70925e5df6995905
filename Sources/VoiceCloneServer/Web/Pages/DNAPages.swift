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
        let detail = try workspace.dnaRevision(of: clone, version: version)
        let voice = try workspace.showClone(clone).clone
        let slug = WebRoutes.segment(voice.slug)
        let revision = detail.revision
        let versions = try workspace.dnaVersions(of: voice.slug)
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
        let description = try workspace.describeDNA(of: voice.slug, version: version)
        let distinctive = description.traits.filter { abs($0.deviation) >= 1 }.sorted { abs($0.deviation) > abs($1.deviation) }
        context["traits"] = distinctive.map { ["text": $0.description] }
        context["hasTraits"] = !distinctive.isEmpty
        return try PageRenderer.render("revision", section: "voices", title: "\(voice.name): DNA version \(revision.version)", context)
    }
}
