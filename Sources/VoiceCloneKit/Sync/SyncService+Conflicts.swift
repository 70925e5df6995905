import Foundation
import VoiceCloneVault

/// A sample sync left in two copies (docs/sync.md): the remote's text at the sample's own path, this vault's
/// beside it with `conflict_of: <id>` in its front matter. Listed until a person chooses.
public struct PendingConflict: Codable, Sendable, Equatable {
    /// The clone's slug.
    public var clone: String
    /// The sample both sides edited.
    public var sampleID: String
    /// The remote's copy: the sample's own path (nil text when someone deleted it since).
    public var path: String
    /// This vault's copy, kept beside it.
    public var localCopy: String
    /// The body of each copy, front matter left out.
    public var theirs: String?
    public var mine: String
    /// How to name this conflict to `sync resolve` and `POST /api/sync/conflicts/resolve` when the sample's id is not
    /// enough: nil when `sample_id` alone names it, the clone when another voice has a conflict on the same id, and
    /// `local_copy` (only the path tells them apart) when one sample has several copies waiting.
    public var needs: ConflictNaming?

    /// The copy's own id: its file name without the extension.
    var copyID: String {
        let name = localCopy.split(separator: "/").last.map(String.init) ?? localCopy
        return name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
    }

    enum CodingKeys: String, CodingKey {
        case clone, path, theirs, mine, needs
        case sampleID = "sample_id"
        case localCopy = "local_copy"
    }
}

/// What names a pending conflict beyond its sample id (see `PendingConflict.needs`).
public enum ConflictNaming: String, Codable, Sendable {
    /// The sample id and the clone.
    case clone
    /// The copy's path (`local_copy`).
    case localCopy = "local_copy"
}

/// Which text of a conflict to keep.
public enum ConflictChoice: String, Codable, Sendable, CaseIterable {
    /// This vault's text replaces the remote's at the sample's path; the copy goes.
    case mine
    /// The remote's text stays; this vault's copy goes.
    case theirs
    /// Both stay as two ordinary samples: the copy loses its `conflict_of` mark.
    case both
}

/// What resolving a conflict did: the files written and removed, committed together.
public struct ConflictResolution: Codable, Sendable, Equatable {
    public var clone: String
    public var sampleID: String
    public var choice: ConflictChoice
    public var written: [String]
    public var removed: [String]
    public var message: String

    enum CodingKeys: String, CodingKey {
        case clone, choice, written, removed, message
        case sampleID = "sample_id"
    }
}

public enum ConflictError: Error, Equatable, Sendable {
    /// No sample at this path carries a `conflict_of` mark.
    case notAConflictCopy(String)
    /// The remote's copy was deleted since, so there is nothing of theirs to keep.
    case remoteCopyMissing(copy: String, original: String)
    /// No pending conflict is on a sample with this id (in this clone, when one was named).
    case noConflictOnSample(String, clone: String?)
    /// Several pending conflicts answer to this id: each copy's path (or the clone) tells them apart.
    case ambiguousSample(String, copies: [String])
}

extension ConflictError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notAConflictCopy(let path):
            return "\(path) is not a sync conflict copy (no sample there has `conflict_of` in its front matter); it may be resolved already. Run `voiceclone sync conflicts` (or open the Sync page) to list the conflicts left."
        case .remoteCopyMissing(let copy, let original):
            return "the remote's copy \(original) is gone, so only this vault's text (\(copy)) is left; keep it (mine or both) instead. Nothing was changed."
        case .noConflictOnSample(let id, let clone):
            return "no sync conflict is waiting on a sample \(id)\(clone.map { " in \($0)" } ?? ""); it may be resolved already. Run `voiceclone sync conflicts` (or open the Sync page) to list the conflicts left."
        case .ambiguousSample(let id, let copies):
            return "\(copies.count) sync conflicts answer to \(id): name the copy to resolve by its path (\(copies.joined(separator: ", "))). Nothing was changed."
        }
    }
}

extension SyncService {
    /// Every sample copy sync kept beside the remote's text, with both texts, ordered by path.
    public func conflicts() throws -> [PendingConflict] {
        let index = self.index
        var out: [PendingConflict] = []
        for clone in index.clones {
            for record in clone.samples {
                guard let original = record.metadata.conflictOf else { continue }
                out.append(try pendingConflict(copy: record, original: original, in: clone))
            }
        }
        out.sort { $0.localCopy < $1.localCopy }
        for i in out.indices {
            let sameID = out.filter { $0.sampleID == out[i].sampleID }
            if sameID.filter({ $0.clone == out[i].clone }).count > 1 {
                out[i].needs = .localCopy
            } else if sameID.count > 1 {
                out[i].needs = .clone
            }
        }
        return out
    }

    /// This vault's copy for the conflict on sample `id`: `id` is the sample both sides edited (`sample_id` in the
    /// listing) or the copy's own id (its file name without extension); `clone`, when given, narrows the search.
    /// Exactly one pending conflict must answer, else `noConflictOnSample` or `ambiguousSample`.
    public func conflictCopy(sample id: String, clone: String? = nil) throws -> String {
        let slug = try clone.map { try index.requireClone($0).slug }
        let matches = try conflicts().filter { conflict in
            (slug == nil || conflict.clone == slug) && (conflict.sampleID == id || conflict.copyID == id)
        }
        guard let first = matches.first else { throw ConflictError.noConflictOnSample(id, clone: slug) }
        guard matches.count == 1 else { throw ConflictError.ambiguousSample(id, copies: matches.map(\.localCopy)) }
        return first.localCopy
    }

    /// `resolve(localCopy:keep:)` for the conflict on sample `id` (see `conflictCopy(sample:clone:)`).
    public func resolve(sample id: String, clone: String? = nil, keep choice: ConflictChoice) throws -> ConflictResolution {
        try resolve(localCopy: try conflictCopy(sample: id, clone: clone), keep: choice)
    }

    /// Keeps one side (or both) of the conflict whose local copy is at `localCopy`, and commits exactly the files
    /// it wrote and removed. The vault is locked before anything is read.
    public func resolve(localCopy: String, keep choice: ConflictChoice) throws -> ConflictResolution {
        try locking {
            let index = self.index
            guard let clone = index.clones.first(where: { $0.samples.contains { $0.path == localCopy && $0.metadata.conflictOf != nil } }),
                  let record = clone.samples.first(where: { $0.path == localCopy }),
                  let originalID = record.metadata.conflictOf else {
                throw ConflictError.notAConflictCopy(localCopy)
            }
            let conflict = try pendingConflict(copy: record, original: originalID, in: clone)
            if choice == .theirs, conflict.theirs == nil {
                throw ConflictError.remoteCopyMissing(copy: localCopy, original: conflict.path)
            }
            let copyData = try ContainedFile.read(localCopy, in: vault, limit: VaultScanner.maxSampleBytes)
            let unmarked = ConflictResolver.unmarkConflict(copyData)
            return try change { changes in
                var written: [String] = [], removed: [String] = []
                let what: String
                switch choice {
                case .mine:
                    changes.touch(conflict.path)
                    changes.touch(localCopy)
                    try AtomicFile.write(unmarked, to: vault.url(forRelativePath: conflict.path), mode: .replace)
                    try remove(localCopy)
                    written = [conflict.path]
                    removed = [localCopy]
                    what = "kept this vault's text"
                case .theirs:
                    changes.touch(localCopy)
                    try remove(localCopy)
                    removed = [localCopy]
                    what = "kept the remote's text"
                case .both:
                    changes.touch(localCopy)
                    try AtomicFile.write(unmarked, to: vault.url(forRelativePath: localCopy), mode: .replace)
                    written = [localCopy]
                    what = "kept both texts as two samples"
                }
                changes.message = "\(clone.slug): resolve sync conflict on \(originalID): \(what)"
                return ConflictResolution(clone: clone.slug, sampleID: originalID, choice: choice, written: written,
                                          removed: removed, message: changes.message ?? "")
            }
        }
    }

    private func pendingConflict(copy record: SampleRecord, original: String, in clone: CloneRecord) throws -> PendingConflict {
        // The remote's copy keeps the sample's own name: the copy's name without `.local-<commit>`, else the id named.
        let originalRecord = clone.samples.first { $0.id == original && $0.metadata.conflictOf == nil }
        let folder = record.path.split(separator: "/").dropLast().joined(separator: "/")
        let extensionPart = record.path.split(separator: ".").last.map { "." + $0 } ?? ".md"
        let path = originalRecord?.path ?? "\(folder)/\(original)\(extensionPart)"
        return PendingConflict(clone: clone.slug, sampleID: original, path: path, localCopy: record.path,
                               theirs: try originalRecord.map { try body(of: $0.path) }, mine: try body(of: record.path), needs: nil)
    }

    private func body(of path: String) throws -> String {
        let data = try ContainedFile.read(path, in: vault, limit: VaultScanner.maxSampleBytes)
        do {
            return try FrontMatter.parse(String(decoding: data, as: UTF8.self)).body
        } catch {
            throw VaultError.invalidSample(path, reason: error.reason)
        }
    }

    private func remove(_ path: String) throws {
        do {
            try FileManager.default.removeItem(at: vault.url(forRelativePath: path))
        } catch {
            throw VaultError.notWritable(vault.url(forRelativePath: path).deletingLastPathComponent().path)
        }
    }
}

extension ConflictResolver {
    /// The inverse of `markConflict`: the file without its `conflict_of` line, and without the front matter block
    /// when that line was all it held (sync made the block). Every other byte stays as the writer left it.
    static func unmarkConflict(_ data: Data) -> Data {
        guard var text = String(data: data, encoding: .utf8) else { return data }
        let bom = text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        if !bom.isEmpty { text.removeFirst() }
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return data }
        // Split on the byte "\n" (a Swift Character holds "\r\n" whole), so a CRLF line keeps its "\r".
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespacesAndNewlines) == "---" }) else { return data }
        let marks = (1..<close).filter { lines[$0].hasPrefix("conflict_of:") }
        guard !marks.isEmpty else { return data }
        for line in marks.reversed() { lines.remove(at: line) }
        let newClose = close - marks.count
        if newClose == 1 {
            // Only the mark was there: drop the empty block and the blank line sync put after it.
            lines.removeFirst(2)
            if lines.first?.isEmpty == true, lines.count > 1 { lines.removeFirst() }
        }
        return Data((bom + lines.joined(separator: "\n")).utf8)
    }
}
