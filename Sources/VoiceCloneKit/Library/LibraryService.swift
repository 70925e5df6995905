import Foundation
import VoiceCloneText
import VoiceCloneVault

/// The library (`workspace.library`): pieces saved by `generate` or a kept rewrite in `library/`, listed, shown,
/// searched, edited, diffed against the saved draft, promoted to samples, given a status and deleted. Owns
/// `library/`.
public struct LibraryService: WorkspaceService {
    let session: Workspace
}

/// The library: generated pieces kept in `library/` with their provenance, committed like every change.
///
/// The vault scanner indexes clones only, so the library has its own small reader; it is read fresh on
/// every call (libraries hold hundreds of pieces, not millions).
extension LibraryService {
    /// Every readable piece, newest first (by id, which starts with the date), and the files that could not be read.
    public func entries(_ filter: LibraryFilter = LibraryFilter()) throws -> (entries: [LibraryEntry], problems: [String]) {
        let clone = try filter.clone.map { try index.requireClone($0).slug }
        var entries: [LibraryEntry] = []
        var problems: [String] = []
        for path in libraryPaths() {
            do {
                let entry = try LibraryFile.read(path, in: vault).entry
                if let clone, entry.clone != clone { continue }
                if let platform = filter.platform, entry.platform.lowercased() != platform.lowercased() { continue }
                if let status = filter.status, entry.status != status { continue }
                entries.append(entry)
            } catch {
                problems.append(error.localizedDescription)
            }
        }
        entries.sort { $0.created != $1.created ? $0.created > $1.created : $0.id > $1.id }
        return (entries, problems)
    }

    /// One piece with its text, by id or a unique prefix of it.
    public func document(_ id: String) throws -> LibraryDocument {
        let path = try libraryPath(for: id)
        let (entry, text, _) = try LibraryFile.read(path, in: vault)
        return LibraryDocument(entry: entry, text: text)
    }

    /// Pieces whose text or prompt contains `text` (case-insensitive), most matches first.
    public func search(_ text: String) throws -> [LibrarySearchHit] {
        let needle = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { throw LibraryError.emptySearch }
        var hits: [LibrarySearchHit] = []
        for path in libraryPaths() {
            guard let (entry, body, _) = try? LibraryFile.read(path, in: vault) else { continue }
            let count = Self.occurrences(of: needle, in: body) + Self.occurrences(of: needle, in: entry.prompt)
            guard count > 0 else { continue }
            hits.append(LibrarySearchHit(entry: entry, snippet: Self.snippet(around: needle, in: body) ?? entry.prompt,
                                         matches: count))
        }
        return hits.sorted { $0.matches != $1.matches ? $0.matches > $1.matches : $0.entry.id > $1.entry.id }
    }

    /// Changes a piece's status and commits the change; unchanged status writes nothing.
    @discardableResult
    public func setStatus(_ id: String, to status: LibraryStatus) throws -> LibraryEntry {
        try locking {
            let path = try libraryPath(for: id)
            let (entry, body, fields) = try LibraryFile.read(path, in: vault)
            guard entry.status != status else { return entry }
            try change { changes in
                let text = LibraryFile.replacing("status", with: status.rawValue, in: fields, body: body)
                try AtomicFile.write(text, to: vault.url(forRelativePath: path), mode: .replace)
                changes.touch(path)
                changes.message = "library: \(entry.id) is \(status.rawValue)"
            }
            var updated = entry
            updated.status = status
            return updated
        }
    }

    /// Deletes a piece and commits the deletion (git history keeps it).
    @discardableResult
    public func delete(_ id: String, confirmed: Bool) throws -> LibraryEntry {
        try locking {
            let path = try libraryPath(for: id)
            let entry = try LibraryFile.read(path, in: vault).entry
            guard confirmed else { throw LibraryError.deleteNotConfirmed(id: entry.id) }
            try change { changes in
                // Journalled before the file goes: a kill in between still gets the deletion committed next time.
                changes.touch(path)
                do {
                    try FileManager.default.removeItem(at: vault.url(forRelativePath: path))
                } catch {
                    throw VaultError.notWritable(vault.url(forRelativePath: path).deletingLastPathComponent().path)
                }
                changes.message = "library: delete \(entry.id)"
            }
            return entry
        }
    }

    /// Writes pieces to `library/` (never overwriting a file) and commits them together.
    func saveToLibrary(_ pieces: [(entry: LibraryEntry, text: String)]) throws -> [LibraryEntry] {
        guard !pieces.isEmpty else { return [] }
        var saved: [LibraryEntry] = []
        let secrets = knownSecrets()
        try change { changes in
            for (entry, text) in pieces {
                // A model can echo a key; what is saved is committed and later quoted in prompts.
                let text = redactingSecrets(text, secrets: secrets)
                var stored = entry
                stored.prompt = redactingSecrets(entry.prompt, secrets: secrets)
                var url = vault.libraryURL.appendingPathComponent(entry.id + ".md")
                var attempt = 2
                while FileManager.default.fileExists(atPath: url.path) {
                    url = vault.libraryURL.appendingPathComponent("\(entry.id)-\(attempt).md")
                    attempt += 1
                }
                stored.id = url.deletingPathExtension().lastPathComponent
                stored.path = vault.relativePath(url)
                stored.words = WordCount.count(text)
                try AtomicFile.write(LibraryFile.render(stored, text: text), to: url, mode: .createNew)
                changes.touch(stored.path)
                saved.append(stored)
            }
            changes.message = saved.count == 1
                ? "library: save \(saved[0].id) (\(saved[0].provider), \(saved[0].platform))"
                : "library: save \(saved.count) pieces for \(saved[0].clone)\n\n"
                    + saved.map { "- \($0.id)" }.joined(separator: "\n")
        }
        return saved
    }

    // MARK: - Files

    /// Relative paths of the library's Markdown files, sorted.
    func libraryPaths() -> [String] {
        let root = vault.libraryURL
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension.lowercased() == "md" {
            paths.append(vault.relativePath(url))
        }
        return paths.sorted()
    }

    func libraryPath(for id: String) throws -> String {
        let wanted = id.hasSuffix(".md") ? String(id.dropLast(3)) : id
        let paths = libraryPaths()
        func stem(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
        if let exact = paths.first(where: { stem($0) == wanted }) { return exact }
        let matches = paths.filter { stem($0).hasPrefix(wanted) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw LibraryError.notFound(id: id) }
        throw LibraryError.ambiguous(id: id, matches: matches.map(stem))
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var range = text.startIndex..<text.endIndex
        while let found = text.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive], range: range) {
            count += 1
            range = found.upperBound..<text.endIndex
        }
        return count
    }

    static func snippet(around needle: String, in text: String) -> String? {
        guard let found = text.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) else { return nil }
        let start = text.index(found.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(found.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
        let core = text[start..<end].split(whereSeparator: \.isNewline).joined(separator: " ")
        return (start > text.startIndex ? "…" : "") + core + (end < text.endIndex ? "…" : "")
    }
}
