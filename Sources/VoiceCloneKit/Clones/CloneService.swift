import Foundation
import VoiceCloneText
import VoiceCloneVault

/// Clones (`workspace.clones`): creating, listing, showing, editing, renaming and deleting them. Owns each
/// `clones/<slug>/clone.md` and the folder around it; a delete removes the whole folder in one commit.
public struct CloneService: WorkspaceService {
    let session: Workspace
}

extension CloneService {
    public func list() -> [CloneSummary] {
        let index = self.index
        return index.clones.map { CloneSummary($0, vault: vault, index: index) }
    }

    public func show(_ name: String) throws -> CloneDetail {
        let index = self.index
        let clone = try index.requireClone(name)
        return CloneDetail(clone: CloneSummary(clone, vault: vault, index: index), avatar: clone.manifest.avatar, notes: clone.manifest.notes,
                           samples: clone.samples.map(SampleSummary.init))
    }

    public func create(name: String, description: String? = nil, tags: [String] = [],
                            merge: MergeSettings? = nil) throws -> CloneSummary {
        let slug = try Slug.forCloneName(name)
        let displayName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        try change { changes in
            if let existing = index.clones.first(where: { $0.slug == slug }) {
                throw VaultError.cloneExists(displayName == existing.name ? displayName : "\(displayName)\" (taken by \"\(existing.name)", slug: slug)
            }
            if FileManager.default.fileExists(atPath: vault.cloneURL(slug).path) {
                throw VaultError.cloneExists(displayName, slug: slug)
            }
            let manifest = CloneManifest(name: displayName, description: description, tags: uniqued(tags),
                                         created: isoDate(), merge: merge,
                                         notes: "Notes about \(displayName)'s voice: who they write for, what they care about.\n")
            try writeNew(manifest.render(), vault.manifestURL(slug))
            try AtomicFile.write("", to: vault.samplesURL(slug).appendingPathComponent(".gitkeep"), mode: .createNew)
            changes.touch(vault.relativePath(vault.manifestURL(slug)))
            changes.touch(vault.relativePath(vault.samplesURL(slug).appendingPathComponent(".gitkeep")))
            changes.message = "\(slug): create clone \"\(displayName)\""
        }
        return try requireSummary(slug)
    }

    public func edit(_ name: String, _ edit: CloneEdit) throws -> CloneSummary {
        try locking {
            let clone = try index.requireClone(name)
            guard !edit.isEmpty else { return try requireSummary(clone.slug) }
            try change { changes in
                var manifest = clone.manifest
                var what: [String] = []
                if let d = edit.description { manifest.description = d.isEmpty ? nil : d; what.append("description") }
                if let a = edit.avatar { manifest.avatar = a.isEmpty ? nil : a; what.append("avatar") }
                if let tags = edit.setTags { manifest.tags = uniqued(tags); what.append("tags") }
                if !edit.addTags.isEmpty || !edit.removeTags.isEmpty {
                    manifest.tags = uniqued(manifest.tags + edit.addTags).filter { !edit.removeTags.contains($0) }
                    if !what.contains("tags") { what.append("tags") }
                }
                if let notes = edit.notes { manifest.notes = notes; what.append("notes") }
                try AtomicFile.write(manifest.render(), to: vault.manifestURL(clone.slug), mode: .replace)
                changes.touch(vault.relativePath(vault.manifestURL(clone.slug)))
                changes.message = "\(clone.slug): edit \(what.joined(separator: ", "))"
            }
            return try requireSummary(clone.slug)
        }
    }

    /// Renames the display name and moves the folder to the new slug (history follows the move).
    public func rename(_ oldName: String, to newName: String) throws -> CloneSummary {
        try locking {
            let clone = try index.requireClone(oldName)
            let newSlug = try Slug.forCloneName(newName)
            let displayName = newName.trimmingCharacters(in: .whitespacesAndNewlines)
            try change { changes in
                if newSlug != clone.slug, index.clones.contains(where: { $0.slug == newSlug })
                    || FileManager.default.fileExists(atPath: vault.cloneURL(newSlug).path) {
                    throw VaultError.cloneExists(displayName, slug: newSlug)
                }
                var manifest = clone.manifest
                manifest.name = displayName
                if newSlug != clone.slug {
                    let trackedBefore = try allFiles(under: vault.cloneURL(clone.slug))
                    do {
                        try FileManager.default.moveItem(at: vault.cloneURL(clone.slug), to: vault.cloneURL(newSlug))
                    } catch {
                        throw VaultError.notWritable(vault.clonesURL.path)
                    }
                    changes.paths += trackedBefore
                    changes.paths += try allFiles(under: vault.cloneURL(newSlug))
                }
                try AtomicFile.write(manifest.render(), to: vault.manifestURL(newSlug), mode: .replace)
                changes.touch(vault.relativePath(vault.manifestURL(newSlug)))
                changes.message = "\(newSlug): rename clone \"\(clone.name)\" to \"\(displayName)\""
            }
            return try requireSummary(newSlug)
        }
    }

    /// Deletes a clone's folder, samples and DNA. Git keeps them in history.
    public func delete(_ name: String) throws -> CloneSummary {
        try locking {
            let clone = try index.requireClone(name)
            let summary = CloneSummary(clone, vault: vault, index: index)
            try change { changes in
                // Journalled before the folder goes: a kill in between still gets the deletion committed next time.
                changes.paths += try allFiles(under: vault.cloneURL(clone.slug))
                changes.touch(vault.relativePath(vault.cloneURL(clone.slug)))
                do {
                    try FileManager.default.removeItem(at: vault.cloneURL(clone.slug))
                } catch {
                    throw VaultError.notWritable(vault.cloneURL(clone.slug).path)
                }
                changes.message = "\(clone.slug): delete clone \"\(clone.name)\" (\(clone.samples.count) samples; recoverable from git history)"
            }
            return summary
        }
    }

    // MARK: - Helpers

    func requireSummary(_ slug: String) throws -> CloneSummary {
        let index = self.index
        let clone = try index.requireClone(slug)
        return CloneSummary(clone, vault: vault, index: index)
    }

    func writeNew(_ text: String, _ url: URL) throws {
        do {
            try AtomicFile.write(text, to: url, mode: .createNew)
        } catch let error as VaultError {
            throw error
        } catch {
            throw VaultError.notWritable(url.deletingLastPathComponent().path)
        }
    }

    func allFiles(under dir: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
            files.append(vault.relativePath(url))
        }
        return files
    }
}

func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
}
