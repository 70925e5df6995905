internal import CGit2
import Foundation

/// Which branch of a remote a local branch syncs with. A vault has one line of history, but the local branch and
/// the remote's may be named differently (a vault on `main`, a bare remote whose HEAD says `master`), so the
/// mapping is recorded the way git records it (`branch.<name>.remote` / `branch.<name>.merge`), and plain
/// `git pull` / `git push` agree with `voiceclone sync`.
extension GitRepository {
    /// The remote branch `branch` is set to track on `remote`, if git's config says so.
    public func upstreamBranch(of branch: String, remote: String) -> String? {
        var remoteName = git_buf()
        defer { git_buf_dispose(&remoteName) }
        guard git_branch_upstream_remote(&remoteName, handle, "refs/heads/\(branch)") == 0, let pointer = remoteName.ptr,
              String(cString: pointer) == remote else { return nil }
        var merge = git_buf()
        defer { git_buf_dispose(&merge) }
        guard git_branch_upstream_merge(&merge, handle, "refs/heads/\(branch)") == 0, let mergePointer = merge.ptr else { return nil }
        let name = String(cString: mergePointer)
        guard name.hasPrefix("refs/heads/") else { return nil }
        let short = String(name.dropFirst("refs/heads/".count))
        return short.isEmpty ? nil : short
    }

    /// Records that `branch` tracks `remoteBranch` on `remote`. Needs the remote-tracking ref, which a fetch or
    /// this library's push leaves behind.
    public func setUpstream(of branch: String, remote: String, remoteBranch: String) throws {
        var reference: OpaquePointer?
        try check(git_branch_lookup(&reference, handle, branch, GIT_BRANCH_LOCAL), "find the branch \(branch)")
        defer { git_reference_free(reference) }
        try check(git_branch_set_upstream(reference, "\(remote)/\(remoteBranch)"),
                  "record that \(branch) tracks \(remote)/\(remoteBranch)")
    }

    /// The branch the remote's HEAD names, asked over the wire; nil when the remote does not say (an empty remote
    /// reached over a transport that advertises no unborn HEAD).
    public func remoteHeadBranch(remote name: String, credentials: GitCredentials) -> String? {
        var remote: OpaquePointer?
        guard git_remote_lookup(&remote, handle, name) == 0 else { return nil }
        defer { git_remote_free(remote) }
        var callbacks = git_remote_callbacks()
        guard git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)) == 0 else { return nil }
        let box = CredentialBox(credentials)
        let payload = Unmanaged.passRetained(box)
        defer { payload.release() }
        callbacks.credentials = credentialCallback
        callbacks.payload = payload.toOpaque()
        guard git_remote_connect(remote, GIT_DIRECTION_FETCH, &callbacks, nil, nil) == 0 else { return nil }
        defer { git_remote_disconnect(remote) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_remote_default_branch(&buffer, remote) == 0, let pointer = buffer.ptr else { return nil }
        let full = String(cString: pointer)
        guard full.hasPrefix("refs/heads/") else { return nil }
        let short = String(full.dropFirst("refs/heads/".count))
        return short.isEmpty ? nil : short
    }
}
