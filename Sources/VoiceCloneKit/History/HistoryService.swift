import Foundation
import VoiceCloneHistory
import VoiceCloneText
import VoiceCloneVault

/// The vault's history (`workspace.history`): the git log, optionally of one clone, and the status against a
/// remote. Read-only.
public struct HistoryService: WorkspaceService {
    let session: Workspace
}

extension HistoryService {
    /// The vault's history, newest first, optionally only the commits touching one clone.
    public func log(clone name: String? = nil, limit: Int = .max) throws -> [HistoryEntry] {
        guard GitRepository.exists(at: vault.root) else { throw SyncError.notARepository(vault.root.path) }
        let repo = try GitRepository.open(at: vault.root)
        var prefix: String?
        if let name {
            // A clone that has since been deleted or renamed still has history under its old folder.
            let slug = index.clone(named: name)?.slug ?? (try? Slug.forCloneName(name)) ?? name
            let touched = try repo.log(limit: 1, pathPrefix: "clones/\(slug)/")
            let known = index.clone(named: name) != nil || !touched.isEmpty
            guard known else { throw VaultError.cloneNotFound(name, available: index.clones.map(\.name)) }
            prefix = "clones/\(slug)/"
        }
        let commits = try repo.log(limit: limit, pathPrefix: prefix)
        return commits.map(Self.describe)
    }

    static func describe(_ commit: GitCommitInfo) -> HistoryEntry {
        var clones: Set<String> = []
        var samples = 0
        var dna: [String] = []
        for path in commit.changedPaths {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count >= 3, parts[0] == "clones" else { continue }
            clones.insert(parts[1])
            if parts[2] == "samples", ConflictResolver.sampleID(path) != nil { samples += 1 }
            if parts.count == 4, parts[2] == "dna", let version = DNAFileName.version(of: parts[3]) {
                dna.append("\(parts[1])/v\(version)")
            }
        }
        let summary = commit.summary
        let kind: HistoryEntry.Kind
        if commit.parentCount > 1 {
            kind = summary.hasPrefix("Sync with") ? .sync : .merge
        } else if summary.hasPrefix("Commit hand edits") {
            kind = .handEdits
        } else if summary.hasPrefix("Create Voice Clone vault") {
            kind = .created
        } else if !dna.isEmpty {
            kind = .dna
        } else if samples > 0 {
            kind = .samples
        } else if !clones.isEmpty {
            kind = .clone
        } else {
            kind = .other
        }
        return HistoryEntry(commit: commit.id.hex, date: isoTimestamp(commit.date), author: commit.authorName, kind: kind,
                            summary: summary, clones: clones.sorted(), sampleFiles: samples, dnaRevisions: dna.sorted(),
                            parents: commit.parentCount)
    }

}
