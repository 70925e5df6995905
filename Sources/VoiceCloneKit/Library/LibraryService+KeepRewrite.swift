import Foundation
import VoiceCloneText
import VoiceCloneVault
import VoiceCloneRewrite

/// A rewrite a writer chose to keep, and where the library saved it.
public struct KeptRewrite: Encodable, Sendable {
    public var rewrite: RewriteReport
    public var saved: LibraryEntry
}

extension LibraryService {
    /// Rewrites `text` toward `clone` offline and saves the result to the library as a draft, committed: the web
    /// app's "Keep this". The rewrite is made again here (the offline rewrite is deterministic) rather than taken
    /// from a form, so what is kept, and the scores recorded with it, are Kit's own.
    ///
    /// `keepingChanges` lists, by their index in the rewrite's diff, the changes the writer accepted; the others
    /// are put back as the draft had them and the result is scored again. Nil keeps every change.
    public func keepRewrite(clone: String, text: String, keepingChanges: Set<Int>? = nil, now: Date = Date()) throws -> KeptRewrite {
        let record = try index.requireClone(clone)
        let draft = NamedText(file: "pasted text", text: text)
        // Built once: the DNA, the samples and the scorer serve the rewrite and, when only some changes are kept,
        // the scores of what is kept.
        let context = try session.detection.rewriteContext(clone: record.slug, text: draft)
        var report = try session.detection.localRewrite(context, draft: draft)
        if let kept = keepingChanges, kept != Set(report.diff.changes.indices) {
            let count = report.diff.changes.count
            if let unknown = kept.first(where: { !report.diff.changes.indices.contains($0) }) {
                throw RewriteSelectionError.unknownChange(unknown, count: count)
            }
            guard let partial = RewriteDiff.keeping(kept, draft: text, rewritten: report.text) else {
                throw RewriteSelectionError.notSeparable
            }
            report = try session.detection.rewriteReport(context, draft: draft, rewritten: partial,
                                       edits: [:], engine: report.engine, refuseContentLoss: false)
        }
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

/// Why only some of a rewrite's changes could not be kept.
public enum RewriteSelectionError: Error, Equatable, Sendable {
    /// A change index the rewrite does not have (the text or the voice changed since the diff was shown).
    case unknownChange(Int, count: Int)
    /// The rewrite's sentences could not be matched in place, so its changes cannot be taken one by one.
    case notSeparable
}

extension RewriteSelectionError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unknownChange(let index, let count):
            return "the rewrite has \(count) change(s), so there is no change \(index + 1); rewrite the text again and choose from the list it shows. Nothing was saved."
        case .notSeparable:
            return "this rewrite's changes cannot be kept one by one (its sentences could not be matched in the text); keep the whole rewrite or discard it. Nothing was saved."
        }
    }
}
