import Foundation
import VoiceCloneHistory

extension HistoryService {
    /// Uncommitted files and ahead/behind against the sync remote's last fetched state.
    public func status(remote requested: String? = nil) throws -> VaultStatus {
        guard GitRepository.exists(at: vault.root) else { throw SyncError.notARepository(vault.root.path) }
        let repo = try GitRepository.open(at: vault.root)
        let files = try repo.uncommittedPaths().map { entry -> VaultStatus.File in
            let parts = entry.path.split(separator: "/")
            let clone = parts.count > 2 && parts[0] == "clones" ? String(parts[1]) : nil
            return VaultStatus.File(path: entry.path, change: entry.kind.rawValue, clone: clone)
        }
        let branch = repo.currentBranch()
        let remote = requested ?? (try? session.sync.pickRemote(nil, repo: repo))
        if let requested, repo.remoteURL(requested) == nil {
            throw SyncError.remoteNotFound(requested, available: try repo.remotes().map(\.name))
        }
        var ahead: Int?, behind: Int?
        if let remote, let branch, let head = repo.headID() {
            let tracked = repo.upstreamBranch(of: branch, remote: remote) ?? branch
            if let tip = repo.remoteBranchTip(remote: remote, branch: tracked) {
                let counts = try repo.aheadBehind(head, tip)
                ahead = counts.ahead
                behind = counts.behind
            } else {
                ahead = try repo.log().count // the remote has never seen this branch
                behind = 0
            }
        }
        return VaultStatus(branch: branch, detachedHead: repo.isHeadDetached, state: repo.state().rawValue,
                           remote: remote, url: remote.flatMap(repo.remoteURL), ahead: ahead, behind: behind,
                           uncommitted: files)
    }
}
