import Foundation

/// Why a sync stopped. Every case leaves the vault's work tree, index and HEAD as they were.
public enum SyncError: Error, Equatable, Sendable {
    case notARepository(String)
    case noCommits(String)
    case repositoryBusy(String, state: String)
    case detachedHead(String)
    case noRemote(String)
    case ambiguousRemote(available: [String])
    case remoteNotFound(String, available: [String])
    case unreachable(remote: String, url: String, detail: String, credentials: String)
    case pushRejected(remote: String, url: String, attempts: Int, reason: String)
    case workTreeBlocked(String, detail: String)
    case invalidRemoteName(String)
    case remoteExists(String, url: String)
    case unrelatedHistory(remote: String, url: String)
    case missingLocalRemote(remote: String, path: String)
}

extension SyncError: LocalizedError {
    public var errorDescription: String? {
        let unchanged = "Nothing was changed in the vault."
        switch self {
        case .notARepository(let path):
            return "\(path) has no git repository (.git); run `voiceclone init` in it, or `git clone` the shared vault instead."
        case .noCommits(let path):
            return "\(path) has no commits yet; add a clone or a sample first, then sync."
        case .repositoryBusy(let path, let state):
            return "\(path) is in the middle of a git \(state) started outside voiceclone. Finish it or abort it (e.g. `git \(state == "merge" ? "merge --abort" : state == "rebase" ? "rebase --abort" : "status")`), then run `voiceclone sync` again. \(unchanged)"
        case .detachedHead(let path):
            return "\(path) has a detached HEAD (no branch is checked out). Run `git switch main` (or your branch), then sync again. \(unchanged)"
        case .noRemote(let path):
            return "\(path) has no remote to sync with. Add one: `voiceclone remote add origin URL`."
        case .ambiguousRemote(let available):
            return "the vault has several remotes (\(available.joined(separator: ", "))) and none is called origin; name one: `voiceclone sync REMOTE`."
        case .remoteNotFound(let name, let available):
            let list = available.isEmpty ? "there are none; add one with `voiceclone remote add NAME URL`" : "known remotes: \(available.joined(separator: ", "))"
            return "no remote named \"\(name)\"; \(list)."
        case .unreachable(let remote, let url, let detail, let credentials):
            return "cannot reach the remote \(remote) at \(url): \(detail). Check the URL (`voiceclone remote list`), the network, and credentials (tried: \(credentials); set VOICECLONE_GIT_TOKEN for https). \(unchanged)"
        case .pushRejected(let remote, let url, let attempts, let reason):
            return "the remote \(remote) at \(url) refused the push after \(attempts) attempt\(attempts == 1 ? "" : "s") (\(reason)); someone may be pushing at the same time, or the branch is protected. Run `voiceclone sync` again. \(unchanged)"
        case .workTreeBlocked(let path, let detail):
            return "cannot update the files in \(path): \(detail). Commit, move or delete those files (sync only takes in edits under clones/ and library/), then sync again. \(unchanged)"
        case .invalidRemoteName(let name):
            return "\"\(name)\" is not a valid remote name; use letters, digits, '-', '_' or '.' (e.g. origin)."
        case .unrelatedHistory(let remote, let url):
            return "the remote \(remote) at \(url) holds a different vault: its history shares no commit with this one (each was made by its own `voiceclone init`). To work on that vault, clone it: `voiceclone init DIR --remote \(url)`. To merge the two anyway, run `voiceclone sync --allow-unrelated`. \(unchanged)"
        case .missingLocalRemote(let remote, let path):
            return "the remote \(remote) points to the folder \(path), which does not exist or is not a git repository. Check the path (`voiceclone remote list`); to create a shared remote there: `git init --bare \(path)`. \(unchanged)"
        case .remoteExists(let name, let url):
            return "a remote named \"\(name)\" already exists (\(url)); remove it first with `voiceclone remote remove \(name)` or pick another name."
        }
    }
}
