import Foundation
import VoiceCloneText
import VoiceCloneVault

/// A rewrite a writer chose to keep, and where the library saved it.
public struct KeptRewrite: Encodable, Sendable {
    public var rewrite: RewriteReport
    public var saved: LibraryEntry
}

extension Workspace {
    /// Rewrites `text` toward `clone` offline and saves the result to the library as a draft, committed: the web
    /// app's "Keep this". The rewrite is made again here (the offline rewrite is deterministic) rather than taken
    /// from a form, so what is kept, and the scores recorded with it, are Kit's own.
    public func keepRewrite(clone: String, text: String, now: Date = Date()) throws -> KeptRewrite {
        let record = try index.requireClone(clone)
        let report = try rewrite(clone: record.slug, text: NamedText(file: "pasted text", text: text))
        let opening = Slug.make(String(text.prefix(80)), maxLength: 40)
        let entry = LibraryEntry(
            id: isoDate(now) + "-" + record.slug + "-rewrite" + (opening.isEmpty ? "" : "-" + opening), path: "", clone: record.slug,
            dnaVersion: record.latestDNAVersion, platform: "generic", provider: report.engine, model: "offline rewrite",
            prompt: "rewrite of a pasted draft: " + String(text.prefix(120)).split(whereSeparator: \.isNewline).joined(separator: " "),
            seed: nil, scores: LibraryScores(voiceMatch: report.after.voiceMatch, aiLikeness: report.after.aiLikeness),
            created: isoTimestamp(now), status: .draft, words: 0)
        guard let saved = try saveToLibrary([(entry, report.text)]).first else {
            throw LibraryError.notFound(id: entry.id)
        }
        return KeptRewrite(rewrite: report, saved: saved)
    }
}
