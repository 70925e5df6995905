import Foundation
import VoiceCloneAnalysis
import VoiceCloneHistory
import VoiceCloneVault

/// The integration rules of docs/sync.md, applied to the conflicts of an in-memory merge before
/// anything is written. Pure: the same conflicts always give the same files.
struct ConflictResolver {
    /// Short id of the local commit, used in the names of local copies (`<id>.local-<tag>.md`).
    let localTag: String

    struct Resolution {
        var edits: [GitTreeEdit] = []
        var conflicts: [SyncConflict] = []
        var renumbered: [DNARenumbering] = []
    }

    /// `contents` gives the bytes of a cleanly merged file (from either side), for the rare file that must move.
    func resolve(merged: Set<String>, conflicts: [GitConflict], contents: (String) -> Data? = { _ in nil }) -> Resolution {
        var out = Resolution()
        // Every path the result will hold, so new names never collide with anything.
        var taken = merged.union(conflicts.map(\.path))
        var latestCopies: [String: String] = [:]
        for conflict in conflicts {
            switch (conflict.ours, conflict.theirs) {
            case (nil, nil):
                continue // deleted on both sides
            case (nil, let theirs?):
                out.edits.append(GitTreeEdit(path: conflict.path, contents: theirs))
                out.conflicts.append(SyncConflict(kind: .deletedHereEditedThere, path: conflict.path, localCopy: nil,
                    message: "deleted in this vault but edited on the remote; the edited file was kept"))
            case (let ours?, nil):
                out.edits.append(GitTreeEdit(path: conflict.path, contents: ours))
                out.conflicts.append(SyncConflict(kind: .editedHereDeletedThere, path: conflict.path, localCopy: nil,
                    message: "edited in this vault but deleted on the remote; the edited file was kept"))
            case (let ours?, let theirs?):
                out.edits.append(GitTreeEdit(path: conflict.path, contents: theirs))
                if ours == theirs { continue }
                if let clone = Self.latestDNAClone(conflict.path) {
                    latestCopies[clone] = conflict.path // settled below, once every revision has its number
                    continue
                }
                if let dna = Self.dnaLocation(conflict.path) {
                    let next = nextFreeVersion(dir: dna.dir, taken: taken)
                    let newPath = dna.dir + DNAFileName.name(for: next)
                    taken.insert(newPath)
                    out.edits.append(GitTreeEdit(path: newPath, contents: Self.renumbered(ours, to: next)))
                    out.renumbered.append(DNARenumbering(clone: dna.clone, from: conflict.path, to: newPath))
                } else {
                    let copy = localCopyPath(conflict.path, taken: taken)
                    taken.insert(copy)
                    let sample = Self.sampleID(conflict.path)
                    let data = sample.map { Self.markConflict(ours, of: $0) } ?? ours
                    out.edits.append(GitTreeEdit(path: copy, contents: data))
                    out.conflicts.append(SyncConflict(kind: .editedOnBothSides, path: conflict.path, localCopy: copy,
                        message: "changed on both sides: the remote's version is at \(conflict.path), this vault's at \(copy); keep one (delete the other) and sync again"))
                }
            }
        }
        // Both sides wrote a revision: latest.json becomes a copy of the newest one, this vault's renumbered
        // revision (it was numbered after everything the remote holds), else the remote's.
        for (clone, path) in latestCopies.sorted(by: { $0.key < $1.key }) {
            let newest = out.renumbered.filter { $0.clone == clone }
                .max { Self.version(of: $0.to) < Self.version(of: $1.to) }
            guard let newest, let data = out.edits.last(where: { $0.path == newest.to })?.contents,
                  let i = out.edits.firstIndex(where: { $0.path == path }) else { continue }
            out.edits[i].contents = data
        }
        separateFilesFromFolders(&out, merged: merged, taken: &taken, contents: contents)
        return out
    }

    private static func version(of path: String) -> Int {
        DNAFileName.version(of: String(path.split(separator: "/").last ?? "")) ?? 0
    }

    /// Git cannot hold a file at `a/b` and files under `a/b/`: writing both would silently drop one side (the
    /// folder's files vanished from the merge). The folder keeps its place; the file moves beside it and is reported.
    private func separateFilesFromFolders(_ out: inout Resolution, merged: Set<String>, taken: inout Set<String>,
                                          contents: (String) -> Data?) {
        var files = merged.union(out.edits.filter { $0.contents != nil }.map(\.path))
        for edit in out.edits where edit.contents == nil { files.remove(edit.path) }
        var folders = Set<String>()
        for file in files {
            var path = Substring(file)
            while let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
                folders.insert(String(path))
            }
        }
        // A file the merge itself settled (git merged the file and the folder's files side by side).
        let edited = Set(out.edits.map(\.path))
        for path in merged.sorted() where folders.contains(path) && !edited.contains(path) {
            guard let data = contents(path) else { continue }
            out.edits.append(GitTreeEdit(path: path, contents: nil))
            out.edits.append(GitTreeEdit(path: path, contents: data))
        }
        for i in out.edits.indices {
            let path = out.edits[i].path
            guard out.edits[i].contents != nil, folders.contains(path) else { continue }
            let moved = localCopyPath(path, taken: taken)
            taken.insert(moved)
            out.edits[i].path = moved
            out.conflicts.removeAll { $0.path == path && $0.kind != .editedOnBothSides }
            out.conflicts.append(SyncConflict(kind: .fileAndFolder, path: path, localCopy: moved,
                message: "one side has a file and the other a folder named \(path): the folder's files stay there, the file is kept as \(moved); rename or remove one and sync again"))
        }
    }

    /// A DNA file's bytes with its `version` field set to the number its new name carries (the bytes as they were
    /// when they do not decode: the name stays the authority either way).
    static func renumbered(_ data: Data, to version: Int) -> Data {
        guard var dna = try? VoiceDNA.decode(data) else { return data }
        dna.version = version
        return (try? dna.canonicalJSON()) ?? data
    }

    // MARK: - Naming

    /// `clones/<slug>/dna/vNNNN.json` → its clone and folder.
    static func dnaLocation(_ path: String) -> (clone: String, dir: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "clones", parts[2] == "dna", DNAFileName.version(of: parts[3]) != nil else { return nil }
        return (parts[1], "clones/\(parts[1])/dna/")
    }

    /// `clones/<slug>/dna/latest.json` → its clone.
    static func latestDNAClone(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "clones", parts[2] == "dna", parts[3] == DNAFileName.latest else { return nil }
        return parts[1]
    }

    /// The sample id (file name without extension) of a path under `clones/<slug>/samples/`.
    static func sampleID(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == "clones", parts[2] == "samples" else { return nil }
        let name = parts[parts.count - 1]
        guard let dot = name.lastIndex(of: "."),
              VaultScanner.sampleExtensions.contains(name[name.index(after: dot)...].lowercased()) else { return nil }
        return String(name[..<dot])
    }

    private func nextFreeVersion(dir: String, taken: Set<String>) -> Int {
        let versions = taken.compactMap { path -> Int? in
            guard path.hasPrefix(dir) else { return nil }
            let name = path.dropFirst(dir.count)
            return name.contains("/") ? nil : DNAFileName.version(of: String(name))
        }
        return (versions.max() ?? 0) + 1
    }

    /// `dir/name.ext` → `dir/name.local-<tag>.ext` (then `-2`, `-3`… if that is taken too).
    private func localCopyPath(_ path: String, taken: Set<String>) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let dir = String(path[..<slash])
        let name = String(path[slash...])
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        var candidate = "\(dir)\(stem).local-\(localTag)\(ext)"
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(dir)\(stem).local-\(localTag)-\(n)\(ext)"
            n += 1
        }
        return candidate
    }

    /// Adds `conflict_of: <id>` to a sample's front matter (creating the block if it has none),
    /// changing nothing else in the file, so the scanner can warn about the pair.
    static func markConflict(_ data: Data, of id: String) -> Data {
        guard var text = String(data: data, encoding: .utf8) else { return data }
        let escaped = id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let field = "conflict_of: \"\(escaped)\"\n"
        let bom = text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        if !bom.isEmpty { text.removeFirst() }
        // "\r\n" is one Character in Swift, so both fences are four characters long.
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") {
            text.insert(contentsOf: field, at: text.index(text.startIndex, offsetBy: 4))
        } else {
            text = "---\n" + field + "---\n\n" + text
        }
        return Data((bom + text).utf8)
    }
}
