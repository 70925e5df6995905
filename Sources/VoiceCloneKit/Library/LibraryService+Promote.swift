import Foundation
import VoiceCloneAnalysis
import VoiceCloneHistory
import VoiceCloneText
import VoiceCloneVault
import Yams

/// What `library promote` made of a piece.
public struct LibraryPromotion: Codable, Sendable, Equatable {
    public var piece: String
    public var clone: String
    public var sample: SampleSummary
    /// The share of words the writer changed since the draft (nil when the draft is not in the history).
    public var editedShare: Double?
    public var commit: String?
}

/// `library promote`: an approved piece becomes a writing sample of its clone, marked `ai_assisted: true` with
/// the share of words the writer changed (`edited_share`): `analyze` counts it when the writer changed at least
/// `SampleMetadata.ownWordsShare` of the words, and keeps a lightly edited one apart unless asked to count it.
extension LibraryService {
    public func promote(_ id: String) throws -> LibraryPromotion {
        try locking {
            let path = try libraryPath(for: id)
            let (entry, text, fields) = try LibraryFile.read(path, in: vault)
            guard entry.status == .approved || entry.status == .published else {
                throw LibraryError.notApproved(id: entry.id, status: entry.status)
            }
            let clone = try index.requireClone(entry.clone)
            let words = WordCount.count(text)
            guard words > 0 else { throw VaultError.invalidSample(path, reason: "has no words to learn from") }
            let hash = ContentHash.ofSampleBody(text)
            if let existing = clone.samples.first(where: { $0.hash == hash }) {
                throw VaultError.invalidSample(path, reason: "is already sample \(existing.id) of \(clone.name)")
            }
            let share = try savedDrafts([(path, fields)])[path].map { draft in
                (WordDiff(before: draft.text, after: text).changedShare * 1000).rounded() / 1000
            }
            var metadata = SampleMetadata(
                title: Self.pieceTitle(text, prompt: entry.prompt), source: path, sourceType: .manual,
                contentType: ContentType(loose: entry.platform) ?? .other, added: isoDate(), aiAssisted: true)
            metadata.published = entry.status == .published ? String(entry.created.prefix(10)) : nil
            var extra: [(key: String, value: Yams.Node)] = [("library_piece", Node(entry.id))]
            if let share { extra.append(("edited_share", Node(String(format: "%.3f", share)))) }
            let body = FrontMatter.render(fields: metadata.fields(mergingInto: []) + extra, body: text)
            let base = Slug.make(metadata.title ?? "", maxLength: 50)
            let stem = (base.isEmpty ? "sample" : base) + "-" + hash.prefix(8)
            var url = vault.samplesURL(clone.slug).appendingPathComponent(stem + ".md")
            var attempt = 2
            while FileManager.default.fileExists(atPath: url.path) {
                url = vault.samplesURL(clone.slug).appendingPathComponent("\(stem)-\(attempt).md")
                attempt += 1
            }
            let samplePath = vault.relativePath(url)
            let commit = try changeCommitted { changes in
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                } catch {
                    throw VaultError.notWritable(url.deletingLastPathComponent().path)
                }
                try AtomicFile.write(body, to: url, mode: .createNew)
                changes.touch(samplePath)
                changes.message = "\(clone.slug): promote library piece \(entry.id) to a sample"
                    + (share.map { String(format: " (%.0f%% of words edited)", $0 * 100) } ?? "")
            }.commit
            let record = SampleRecord(id: url.deletingPathExtension().lastPathComponent, clone: clone.slug, path: samplePath,
                                      metadata: metadata, words: words, hash: hash, hasFrontMatter: true)
            return LibraryPromotion(piece: entry.id, clone: clone.slug, sample: SampleSummary(record), editedShare: share,
                                    commit: commit?.short)
        }
    }

    /// A title for the sample: the piece's Markdown heading, else its first line, else the prompt.
    static func pieceTitle(_ text: String, prompt: String) -> String {
        let first = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let heading = first.hasPrefix("#") ? first.drop { $0 == "#" || $0 == " " } : ""
        let line = heading.isEmpty ? first : String(heading)
        let title = line.isEmpty ? prompt : line
        return String(title.prefix(80)).trimmingCharacters(in: .whitespaces)
    }
}
