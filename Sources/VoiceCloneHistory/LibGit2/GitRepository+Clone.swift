internal import CGit2
import Foundation

extension GitRepository {
    /// Clones `url` into the folder `directory` (missing or empty) and checks out the branch the remote's HEAD
    /// names: how a second machine joins a shared vault. An empty remote gives a repository with no commits yet.
    public static func clone(from url: String, into directory: URL, credentials: GitCredentials) throws -> GitRepository {
        _ = initialised
        var opts = git_clone_options()
        try check(git_clone_options_init(&opts, UInt32(GIT_CLONE_OPTIONS_VERSION)), "prepare a clone")
        let box = CredentialBox(credentials)
        let payload = Unmanaged.passRetained(box)
        defer { payload.release() }
        opts.fetch_opts.callbacks.credentials = credentialCallback
        opts.fetch_opts.callbacks.payload = payload.toOpaque()
        var repo: OpaquePointer?
        try check(git_clone(&repo, url, directory.path, &opts), "clone \(url)")
        return try open(at: directory)
    }

    /// Whether HEAD names a branch with no commit yet (a fresh repository, or a clone of an empty remote).
    public var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }
}

extension GitRepository {
    /// After cloning a remote whose HEAD names a branch that does not exist (a vault pushed `main` to a bare
    /// repository whose HEAD says `master`): check out `branch` from the remote-tracking refs and make it HEAD.
    /// Returns false when the remote has no such branch.
    public func checkoutRemoteBranch(_ branch: String, remote: String = "origin") throws -> Bool {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, handle, "refs/remotes/\(remote)/\(branch)") == 0 else { return false }
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid), "read \(remote)/\(branch)")
        defer { git_commit_free(commit) }
        var reference: OpaquePointer?
        try check(git_branch_create(&reference, handle, branch, commit, 1), "create the branch \(branch)")
        _ = git_branch_set_upstream(reference, "\(remote)/\(branch)")
        git_reference_free(reference)
        try check(git_repository_set_head(handle, "refs/heads/\(branch)"), "check out \(branch)")
        var opts = git_checkout_options()
        try check(git_checkout_options_init(&opts, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare a checkout")
        opts.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
        try check(git_checkout_head(handle, &opts), "check out \(branch)")
        return true
    }

    /// Names of the remote's branches after a fetch or clone.
    public func remoteBranches(remote: String = "origin") -> [String] {
        var iterator: OpaquePointer?
        guard git_reference_iterator_glob_new(&iterator, handle, "refs/remotes/\(remote)/*") == 0 else { return [] }
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        var name: UnsafePointer<CChar>?
        let prefix = "refs/remotes/\(remote)/"
        while git_reference_next_name(&name, iterator) == 0, let name {
            let full = String(cString: name)
            if full.hasPrefix(prefix), full != prefix + "HEAD" { names.append(String(full.dropFirst(prefix.count))) }
        }
        return names.sorted()
    }

    /// Points HEAD at `branch` (unborn until the first commit), for a clone of an empty remote.
    public func setUnbornHead(_ branch: String) throws {
        try check(git_repository_set_head(handle, "refs/heads/\(branch)"), "name the first branch \(branch)")
    }
}
