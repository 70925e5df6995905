import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// A record of the change a command is making, kept in `.git/voiceclone-journal` (never committed, never synced)
/// from before its first write until its commit is done. A command killed in between leaves it behind, and the
/// next command that takes the vault lock finishes the work: it commits what was written and brings git's index
/// in line with HEAD, so a kill never strands files outside a commit or leaves HEAD and the index disagreeing.
final class ChangeJournal {
    static let fileName = "voiceclone-journal"

    let url: URL
    private var handle: FileHandle?

    /// Starts a journal for a change; nil when the vault has no git folder yet (the first commit creates it).
    init?(vault: Vault) {
        let gitDir = vault.root.appendingPathComponent(".git", isDirectory: true)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitDir.path, isDirectory: &isDir), isDir.boolValue else { return nil }
        url = gitDir.appendingPathComponent(Self.fileName)
        let started = "started \(Int(Date().timeIntervalSince1970))\n"
        guard FileManager.default.createFile(atPath: url.path, contents: Data(started.utf8)),
              let handle = FileHandle(forWritingAtPath: url.path) else { return nil }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    /// Notes paths the change touches (written before the commit, so a kill after this line keeps them).
    func record(_ paths: some Sequence<String>) {
        guard let handle else { return }
        let lines = paths.map { "path " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined()
        if !lines.isEmpty { try? handle.write(contentsOf: Data(lines.utf8)) }
    }

    /// The change committed (or cleanly abandoned): nothing to recover.
    func finish() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(at: url)
    }

    // MARK: - Recovery

    /// What recovery did, for the note printed on standard error.
    struct Recovery {
        var committed: [String]
        var commit: String?
    }

    /// Finishes a change a killed command left behind: commits the journal's paths and every file under
    /// `clones/` and `library/` written since the journal started, refreshes the index for them, removes
    /// the killed writer's temporary files, then deletes the journal. Nil when there was nothing to recover.
    static func recover(vault: Vault, repository: GitRepository, identity: GitIdentity) throws -> Recovery? {
        let url = vault.root.appendingPathComponent(".git", isDirectory: true).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        var started = 0.0
        var paths = Set<String>()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("started "), let seconds = Double(line.dropFirst(8)) { started = seconds }
            if line.hasPrefix("path ") { paths.insert(String(line.dropFirst(5))) }
        }
        // Whole seconds in the journal; file times are finer. One second of slack errs towards including.
        let since = Date(timeIntervalSince1970: started - 1)
        let fm = FileManager.default
        for folder in ["clones", "library"] {
            guard let walker = fm.enumerator(at: vault.root.appendingPathComponent(folder), includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey]) else { continue }
            for case let file as URL in walker {
                let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
                guard values?.isRegularFile == true, let modified = values?.contentModificationDate, modified >= since else { continue }
                if file.lastPathComponent.hasPrefix("."), file.lastPathComponent.hasSuffix(".tmp") {
                    try? fm.removeItem(at: file)
                    continue
                }
                paths.insert(vault.relativePath(file))
            }
        }
        let sorted = paths.sorted()
        var commit: String?
        if !sorted.isEmpty {
            let id = try repository.commit(
                paths: sorted, message: "Finish an interrupted voiceclone command\n\nA command was stopped before it could commit; these files are what it had written or removed.",
                identity: identity)
            commit = id?.short
            repository.refreshIndex(paths: sorted)
        }
        try? fm.removeItem(at: url)
        return Recovery(committed: commit == nil ? [] : sorted, commit: commit)
    }
}
