import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// Sharing the vault (`workspace.sync`): `run` brings it and a remote together (docs/sync.md), the remotes
/// themselves, and the conflict copies a sync leaves and their resolution. Owns the git remotes and the
/// conflict copies.
public struct SyncService: WorkspaceService {
    let session: Workspace
}

extension SyncService {
    /// The folder a remote URL names when it is a local path (`/srv/vault.git`, `file:///srv/vault.git`), else nil.
    static func localPath(_ url: String) -> String? {
        if url.hasPrefix("file://") { return URL(string: url)?.path }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") || url.hasPrefix("~") { return (url as NSString).expandingTildeInPath }
        return nil
    }

    /// A bare repository (HEAD and objects/) or a work tree with `.git`.
    static func looksLikeRepository(_ path: String) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: path + "/.git") || (fm.fileExists(atPath: path + "/HEAD") && fm.fileExists(atPath: path + "/objects"))
    }

    /// Folders whose uncommitted edits sync takes in: people edit samples and clone notes by hand.
    static let syncedFolders = ["clones/", "library/"]

    /// Brings this vault and a remote together (see docs/sync.md). Holds the vault lock
    /// throughout. Until the remote has accepted the result, nothing local moves: the hand-edit
    /// commit and any merge exist only as objects, so every failure leaves the work tree, the
    /// index and HEAD exactly as they were.
    public func run(_ options: SyncOptions = SyncOptions()) throws -> SyncReport {
        let lock = try VaultLock(vault: vault)
        defer { withExtendedLifetime(lock) {} }
        invalidate()
        defer { invalidate() }

        guard GitRepository.exists(at: vault.root) else { throw SyncError.notARepository(vault.root.path) }
        let repo = try GitRepository.open(at: vault.root)
        let state = repo.state()
        guard state == .clean else { throw SyncError.repositoryBusy(vault.root.path, state: state.rawValue) }
        guard !repo.isHeadDetached else { throw SyncError.detachedHead(vault.root.path) }
        guard let originalHead = repo.headID(), let branch = repo.currentBranch() else { throw SyncError.noCommits(vault.root.path) }
        let remote = try pickRemote(options.remote, repo: repo)
        let url = repo.remoteURL(remote) ?? ""
        let credentials = GitCredentials.fromEnvironment(environment)
        let who = identity(repo)

        // 1. The user's hand edits, as one commit on no branch yet.
        let handEdits = try repo.uncommittedPaths()
            .map(\.path)
            .filter { path in Self.syncedFolders.contains { path.hasPrefix($0) } }
        var ours = originalHead
        var committed: [String] = []
        if !handEdits.isEmpty,
           let snapshot = try repo.snapshotCommit(paths: handEdits, message: Self.handEditMessage(handEdits), identity: who) {
            ours = snapshot
            committed = handEdits
        }

        var rejections: [String] = []
        // Decided once, after the first fetch: a retry pushes to the same branch, and asking the remote for its
        // default branch (a network round trip when nothing is tracked yet) is not repeated.
        var pushBranch: String?
        for attempt in 1...options.maxAttempts {
            // 2. Fetch, then decide.
            do {
                try repo.fetch(remote: remote, credentials: credentials)
            } catch let error as GitError {
                if let path = Self.localPath(url), !FileManager.default.fileExists(atPath: path) || !Self.looksLikeRepository(path) {
                    throw SyncError.missingLocalRemote(remote: remote, path: path)
                }
                throw SyncError.unreachable(remote: remote, url: url, detail: error.detail, credentials: credentials.summary)
            }
            let remoteBranch = pushBranch ?? remoteBranchName(for: branch, remote: remote, url: url, repo: repo, credentials: credentials)
            pushBranch = remoteBranch
            let theirs = repo.remoteBranchTip(remote: remote, branch: remoteBranch)
            if let theirs, !options.allowUnrelated, try !repo.shareHistory(ours, theirs) {
                throw SyncError.unrelatedHistory(remote: remote, url: url)
            }
            var target = ours
            var outcome = SyncReport.Outcome.upToDate
            var sent = 0
            var resolution = ConflictResolver.Resolution()
            if let theirs {
                let counts = try repo.aheadBehind(ours, theirs)
                sent = counts.ahead
                switch (counts.ahead, counts.behind) {
                case (0, 0): outcome = .upToDate
                case (_, 0): outcome = .pushed
                case (0, _): outcome = .fastForward; target = theirs
                default:
                    outcome = .merged
                    sent += 1
                    let resolver = ConflictResolver(localTag: ours.short)
                    target = try repo.mergeCommit(ours: ours, theirs: theirs, identity: who,
                                                  message: { Self.mergeMessage(remote: remote, behind: counts.behind, resolution) }) { merged, conflicts in
                        resolution = resolver.resolve(merged: merged, conflicts: conflicts) { path in
                            (try? repo.fileContents(path, at: ours)) ?? (try? repo.fileContents(path, at: theirs)) ?? nil
                        }
                        return resolution.edits
                    }
                }
            } else {
                outcome = .pushed
                sent = try repo.log().count
            }

            // 3. Make sure the work tree can take the result before the remote sees it.
            do {
                try repo.checkout(target, baseline: ours, previousHead: originalHead, branch: branch, dryRun: true)
            } catch let error as GitError {
                throw SyncError.workTreeBlocked(vault.root.path, detail: error.detail)
            }
            if outcome == .pushed || outcome == .merged {
                try options.beforePush?(attempt)
                let result: GitPushOutcome
                do {
                    result = try repo.push(commit: target, remote: remote, branch: remoteBranch, credentials: credentials)
                } catch let error as GitError {
                    throw SyncError.unreachable(remote: remote, url: url, detail: error.detail, credentials: credentials.summary)
                }
                if case .rejected(let reason) = result {
                    rejections.append(reason)
                    if attempt == options.maxAttempts {
                        throw SyncError.pushRejected(remote: remote, url: url, attempts: attempt, reason: reason)
                    }
                    continue
                }
            }

            // Recorded as git records it, so the next sync (and plain `git pull`) finds the same branch.
            if repo.upstreamBranch(of: branch, remote: remote) == nil, repo.remoteBranchTip(remote: remote, branch: remoteBranch) != nil {
                try? repo.setUpstream(of: branch, remote: remote, remoteBranch: remoteBranch)
            }

            // 4. The remote has it (or needed nothing): move this vault.
            let received = target == ours ? [] : try repo.changedPaths(from: ours, to: target)
            if target != originalHead {
                do {
                    try repo.checkout(target, baseline: ours, previousHead: originalHead, branch: branch, dryRun: false)
                } catch let error as GitError {
                    throw SyncError.workTreeBlocked(vault.root.path, detail: error.detail)
                }
            }
            return SyncReport(remote: remote, url: url, branch: branch, remoteBranch: remoteBranch, outcome: outcome, committed: committed,
                              headBefore: originalHead.hex, headAfter: target.hex, received: received, sentCommits: sent,
                              conflicts: resolution.conflicts, renumbered: resolution.renumbered, attempts: attempt,
                              rejectedPushes: rejections)
        }
        throw SyncError.pushRejected(remote: remote, url: url, attempts: options.maxAttempts, reason: rejections.last ?? "rejected")
    }

    func pickRemote(_ requested: String?, repo: GitRepository) throws -> String {
        let names = try repo.remotes().map(\.name)
        if let requested {
            guard names.contains(requested) else { throw SyncError.remoteNotFound(requested, available: names) }
            return requested
        }
        if names.contains("origin") { return "origin" }
        if names.count == 1 { return names[0] }
        if names.isEmpty { throw SyncError.noRemote(vault.root.path) }
        throw SyncError.ambiguousRemote(available: names)
    }

    static func handEditMessage(_ paths: [String]) -> String {
        let clones = Set(paths.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count > 1 && parts[0] == "clones" ? String(parts[1]) : nil
        }).sorted()
        let scope = clones.isEmpty ? "" : " in " + clones.joined(separator: ", ")
        return "Commit hand edits before sync: \(paths.count) file\(paths.count == 1 ? "" : "s")\(scope)\n\n"
            + paths.map { "- \($0)" }.joined(separator: "\n") + "\n"
    }

    static func mergeMessage(remote: String, behind: Int, _ resolution: ConflictResolver.Resolution) -> String {
        var text = "Sync with \(remote): merge \(behind) remote commit\(behind == 1 ? "" : "s")\n"
        let both = resolution.conflicts.filter { $0.kind == .editedOnBothSides }
        if !both.isEmpty {
            text += "\nChanged on both sides (remote's in place, this vault's beside it):\n"
            text += both.map { "- \($0.path) -> \($0.localCopy ?? "")" }.joined(separator: "\n") + "\n"
        }
        let kept = resolution.conflicts.filter { $0.kind != .editedOnBothSides }
        if !kept.isEmpty {
            text += "\nDeleted on one side, edited on the other (edit kept):\n"
            text += kept.map { "- \($0.path)" }.joined(separator: "\n") + "\n"
        }
        if !resolution.renumbered.isEmpty {
            text += "\nDNA written on both sides under the same version (this vault's renumbered):\n"
            text += resolution.renumbered.map { "- \($0.from) -> \($0.to)" }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The remote branch `branch` syncs with (after a fetch): the upstream git's config records; else the remote's
    /// branch of the same name; else, when the remote lacks it, the branch the remote's HEAD names, so a vault on
    /// `main` pushed to a fresh remote whose HEAD says `master` lands where `git clone` looks (and a remote that
    /// already holds another vault's history is met, and refused as unrelated, rather than silently forked);
    /// else the same name.
    func remoteBranchName(for branch: String, remote: String, url: String, repo: GitRepository,
                          credentials: GitCredentials) -> String {
        if let upstream = repo.upstreamBranch(of: branch, remote: remote) { return upstream }
        if repo.remoteBranchTip(remote: remote, branch: branch) != nil { return branch }
        let head = VaultInitializer.localRemoteHeadBranch(url) ?? repo.remoteHeadBranch(remote: remote, credentials: credentials)
        return head ?? branch
    }

}
