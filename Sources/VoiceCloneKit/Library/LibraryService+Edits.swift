import Foundation
import VoiceCloneAnalysis
import VoiceCloneHistory
import VoiceCloneText
import VoiceCloneVault

/// What the writer did to saved pieces. A piece keeps no second copy of the draft: its front matter holds the
/// draft's hash (`draft_sha256`) and git history holds the text, found at the first commit with that body.
extension LibraryService {
    /// The writer's edits of one piece since the tool saved it: a word-level diff of the saved draft and the
    /// file as it is now (uncommitted edits included).
    public func diff(_ id: String) throws -> LibraryDiff {
        let path = try libraryPath(for: id)
        let (entry, text, fields) = try LibraryFile.read(path, in: vault)
        guard let draft = try savedDrafts([(path, fields)])[path] else { throw LibraryError.noSavedDraft(id: entry.id) }
        let diff = WordDiff(before: draft.text, after: text)
        let (before, after, kept) = diff.wordCounts
        return LibraryDiff(
            id: entry.id, clone: entry.clone, platform: entry.platform, status: entry.status,
            draftCommit: draft.version.commit.short, draftDate: isoTimestamp(draft.version.date),
            wordsBefore: before, wordsAfter: after, wordsKept: kept,
            changedShare: (diff.changedShare * 1000).rounded() / 1000, segments: diff.segments, inline: diff.inlineText)
    }

    /// A clone's approved and published pieces with the drafts they came from, sorted by id; pieces whose draft is
    /// not in the history (never committed, or added by hand) are named in the warnings.
    public func editedPieces(clone: String) throws -> (pieces: [EditedPiece], warnings: [String]) {
        let slug = try index.requireClone(clone).slug
        var found: [(path: String, entry: LibraryEntry, text: String, fields: LibraryFile.Fields)] = []
        var warnings: [String] = []
        for path in libraryPaths() {
            guard let (entry, text, fields) = try? LibraryFile.read(path, in: vault) else { continue }
            guard entry.clone == slug, entry.status == .approved || entry.status == .published else { continue }
            // A sync conflict's local copy repeats a piece: its edits count once, under the piece itself.
            guard !entry.id.contains(".local-") else { continue }
            found.append((path, entry, text, fields))
        }
        let drafts = try savedDrafts(found.map { ($0.path, $0.fields) })
        var pieces: [EditedPiece] = []
        for item in found {
            guard let draft = drafts[item.path] else {
                warnings.append("\(item.entry.id): no saved draft in the history (was it ever committed?); left out")
                continue
            }
            pieces.append(EditedPiece(id: item.entry.id, platform: item.entry.platform, draft: draft.text, final: item.text))
        }
        return (pieces.sorted { $0.id < $1.id }, warnings)
    }

    /// The lessons in a clone's edited pieces; nil when it has no approved or published piece with a saved draft.
    public func editLessons(clone: String, options: EditMiningOptions = .init()) throws -> (lessons: EditLessons?, warnings: [String]) {
        let (pieces, warnings) = try editedPieces(clone: clone)
        guard !pieces.isEmpty else { return (nil, warnings) }
        return (EditMiner.lessons(from: pieces, options: options), warnings)
    }

    /// The saved draft of each library file: the oldest committed body whose hash is the front matter's
    /// `draft_sha256`, or, for pieces saved before that field existed, the body the file was first committed with.
    func savedDrafts(_ files: [(path: String, fields: LibraryFile.Fields)]) throws -> [String: (text: String, version: GitFileVersion)] {
        guard !files.isEmpty else { return [:] }
        let versions = try repository().fileVersions(files.map(\.path), maxBytes: VaultScanner.maxSampleBytes)
        var drafts: [String: (text: String, version: GitFileVersion)] = [:]
        for (path, fields) in files {
            let hash = fields.first { $0.key == LibraryFile.draftHashKey }?.value.scalar?.string
            var chosen: (String, GitFileVersion)?
            for version in versions[path] ?? [] {
                guard let body = LibraryFile.body(of: version.data) else { continue }
                if hash == nil || ContentHash.ofSampleBody(body) == hash {
                    chosen = (body, version)
                    break
                }
            }
            if chosen == nil, let first = versions[path]?.first, let body = LibraryFile.body(of: first.data) {
                chosen = (body, first)
            }
            if let chosen { drafts[path] = chosen }
        }
        return drafts
    }
}
