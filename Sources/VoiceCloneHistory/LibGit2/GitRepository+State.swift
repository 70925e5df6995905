internal import CGit2
import Foundation

/// Why the repository cannot take a commit right now, with what the user should do.
public enum GitStateProblem: Error, LocalizedError, Sendable, Equatable {
    case detachedHead
    case operationInProgress(String)
    case unresolvedConflicts([String])
    case staleLock(String)
    case busyLock(String)

    public var errorDescription: String? {
        switch self {
        case .detachedHead:
            return "the vault's git HEAD is detached (not on a branch), so a commit here would be lost on the next checkout; "
                + "nothing was changed. Run `git -C VAULT checkout main` (or `git switch -c NAME` to keep the detached commits) and run the command again."
        case .operationInProgress(let what):
            return "a git \(what) is in progress in the vault; nothing was changed. Finish it (`git \(what) --continue`) or abort it "
                + "(`git \(what) --abort`), then run the command again."
        case .unresolvedConflicts(let paths):
            let list = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", …" : "")
            return "the vault has unresolved git conflicts (\(list)); nothing was changed. Edit each file to keep one side, "
                + "`git add` it and `git commit`, then run the command again."
        case .staleLock(let path):
            return "\(path) was left behind by a git command that was killed (it is older than this command); nothing was changed. "
                + "If no git command is running on this vault, delete that file and run the command again."
        case .busyLock(let path):
            return "another git command is working on the vault (it holds \(path)); nothing was changed. Wait for it to finish and run the command again."
        }
    }
}

extension GitRepository {
    /// When this process started, near enough: a git lock file older than this was left by someone else.
    /// On Linux the time `/proc/PID` was made is the process's start; elsewhere, the first time this is read.
    public static let processStart: Date = {
        let proc = "/proc/\(ProcessInfo.processInfo.processIdentifier)"
        return (try? FileManager.default.attributesOfItem(atPath: proc)[.modificationDate] as? Date) ?? Date()
    }()

    /// Throws when a commit now would land on no branch, on top of an unfinished merge, or would trip over a git lock.
    /// Checked before a command writes anything, so a refusal leaves the vault exactly as it was.
    public func checkReadyToCommit() throws {
        if let lock = lockFile() {
            let modified = (try? FileManager.default.attributesOfItem(atPath: lock)[.modificationDate] as? Date) ?? nil
            if let modified, modified < Self.processStart { throw GitStateProblem.staleLock(lock) }
            throw GitStateProblem.busyLock(lock)
        }
        if isHeadDetached { throw GitStateProblem.detachedHead }
        let current = state()
        if current != .clean { throw GitStateProblem.operationInProgress(current.rawValue) }
        let conflicted = conflictedPaths()
        if !conflicted.isEmpty { throw GitStateProblem.unresolvedConflicts(conflicted) }
    }

    /// Paths the repository's index holds in conflict (after a merge that stopped).
    public func conflictedPaths() -> [String] {
        var index: OpaquePointer?
        guard git_repository_index(&index, handle) == 0 else { return [] }
        defer { git_index_free(index) }
        guard git_index_has_conflicts(index) == 1 else { return [] }
        var iterator: OpaquePointer?
        guard git_index_conflict_iterator_new(&iterator, index) == 0 else { return ["(unknown)"] }
        defer { git_index_conflict_iterator_free(iterator) }
        var paths = Set<String>()
        var ancestor: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        while git_index_conflict_next(&ancestor, &ours, &theirs, iterator) == 0 {
            for entry in [ancestor, ours, theirs] {
                if let path = entry?.pointee.path { paths.insert(String(cString: path)) }
            }
        }
        return paths.sorted()
    }

    /// The first git lock file a commit would need (`index.lock`, `HEAD.lock`, the branch's `.lock`), if one exists.
    func lockFile() -> String? {
        guard let gitDir = git_repository_path(handle).map({ String(cString: $0) }) else { return nil }
        var candidates = ["index.lock", "HEAD.lock"]
        var head: OpaquePointer?
        if git_reference_lookup(&head, handle, "HEAD") == 0, let head {
            defer { git_reference_free(head) }
            if let target = git_reference_symbolic_target(head) { candidates.append(String(cString: target) + ".lock") }
        }
        for name in candidates {
            let path = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + name
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Brings the index in line with HEAD for `paths` (a commit interrupted between moving HEAD and writing the index).
    public func refreshIndex(paths: [String]) {
        syncIndex(paths: paths)
    }
}
