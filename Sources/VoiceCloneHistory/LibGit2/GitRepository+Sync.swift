internal import CGit2
import Foundation

/// Sync primitives: repository state, fetch, ahead/behind, push, and moving the branch with a
/// checkout. Each either completes or changes nothing the user can see (work tree, HEAD, index).
extension GitRepository {
    // MARK: - State

    public func state() -> GitRepositoryState {
        switch git_repository_state(handle) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return .clean
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return .merge
        case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): return .revert
        case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue): return .cherryPick
        case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): return .bisect
        case Int32(GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue): return .applyMailbox
        default: return .rebase
        }
    }

    public var isHeadDetached: Bool { git_repository_head_detached(handle) == 1 }

    /// The checked-out branch's short name (`main`), nil when HEAD is detached or unborn.
    public func currentBranch() -> String? {
        guard !isHeadDetached else { return nil }
        var ref: OpaquePointer?
        guard git_repository_head(&ref, handle) == 0, let ref else { return nil }
        defer { git_reference_free(ref) }
        return git_reference_shorthand(ref).map { String(cString: $0) }
    }

    public func remoteURL(_ name: String) -> String? {
        var remote: OpaquePointer?
        guard git_remote_lookup(&remote, handle, name) == 0, let remote else { return nil }
        defer { git_remote_free(remote) }
        return git_remote_url(remote).map { String(cString: $0) }
    }

    // MARK: - Fetch and push

    /// Fetches the remote's branches into `refs/remotes/<remote>/…` with its configured refspecs.
    /// Touches nothing but those tracking refs.
    public func fetch(remote name: String, credentials: GitCredentials) throws {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, handle, name), "find the remote \(name)")
        defer { git_remote_free(remote) }
        var opts = git_fetch_options()
        try check(git_fetch_options_init(&opts, UInt32(GIT_FETCH_OPTIONS_VERSION)), "prepare a fetch")
        let box = CredentialBox(credentials)
        let payload = Unmanaged.passRetained(box)
        defer { payload.release() }
        opts.callbacks.credentials = credentialCallback
        opts.callbacks.payload = payload.toOpaque()
        try check(git_remote_fetch(remote, nil, &opts, "voiceclone sync: fetch"), "fetch from \(name)")
    }

    /// The commit a remote-tracking branch points at after the last fetch, if the remote has that branch.
    public func remoteBranchTip(remote: String, branch: String) -> GitCommitID? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, handle, "refs/remotes/\(remote)/\(branch)") == 0 else { return nil }
        return GitCommitID(oid)
    }

    /// Pushes `commit` to `refs/heads/<branch>` on the remote. A refusal (the remote moved on) is an
    /// outcome, not an error; an unreachable remote throws. The local branch is not touched.
    public func push(commit: GitCommitID, remote name: String, branch: String, credentials: GitCredentials) throws -> GitPushOutcome {
        var remote: OpaquePointer?
        try check(git_remote_lookup(&remote, handle, name), "find the remote \(name)")
        defer { git_remote_free(remote) }
        // libgit2 pushes references, not bare commits: point a private ref at the commit for the push.
        let outgoing = "refs/voiceclone/outgoing"
        var oid = try commit.oid()
        var ref: OpaquePointer?
        try check(git_reference_create(&ref, handle, outgoing, &oid, 1, "voiceclone sync: outgoing"), "prepare the push")
        git_reference_free(ref)
        defer { _ = git_reference_remove(handle, outgoing) }

        var opts = git_push_options()
        try check(git_push_options_init(&opts, UInt32(GIT_PUSH_OPTIONS_VERSION)), "prepare a push")
        let box = CredentialBox(credentials)
        let payload = Unmanaged.passRetained(box)
        defer { payload.release() }
        opts.callbacks.credentials = credentialCallback
        opts.callbacks.push_update_reference = pushUpdateCallback
        opts.callbacks.payload = payload.toOpaque()

        let refspec = "\(outgoing):refs/heads/\(branch)"
        let code: Int32 = refspec.withCString { spec in
            var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: spec)]
            return strings.withUnsafeMutableBufferPointer { buffer in
                var array = git_strarray(strings: buffer.baseAddress, count: 1)
                return git_remote_push(remote, &array, &opts)
            }
        }
        if code == GIT_ENONFASTFORWARD.rawValue || code == GIT_EMISMATCH.rawValue {
            return .rejected(reason: lastErrorMessage() ?? "the remote branch has commits this vault does not have")
        }
        try check(code, "push to \(name)")
        if let reason = box.rejection { return .rejected(reason: reason) }
        // Keep the tracking ref in step so status reports 0 ahead without another fetch.
        var tracking: OpaquePointer?
        if git_reference_create(&tracking, handle, "refs/remotes/\(name)/\(branch)", &oid, 1, "voiceclone sync: push") == 0 {
            git_reference_free(tracking)
        }
        return .pushed
    }

    // MARK: - History arithmetic

    public func aheadBehind(_ local: GitCommitID, _ upstream: GitCommitID) throws -> GitAheadBehind {
        var a = try local.oid(), b = try upstream.oid()
        var ahead = 0, behind = 0
        try check(git_graph_ahead_behind(&ahead, &behind, handle, &a, &b), "compare \(local.short) with \(upstream.short)")
        return GitAheadBehind(ahead: ahead, behind: behind)
    }

    /// Whether two commits share any history (a merge base). Two vaults made by separate `init`s do not.
    public func shareHistory(_ a: GitCommitID, _ b: GitCommitID) throws -> Bool {
        var x = try a.oid(), y = try b.oid()
        var base = git_oid()
        let code = git_merge_base(&base, handle, &x, &y)
        if code == GIT_ENOTFOUND.rawValue { return false }
        try check(code, "compare \(a.short) with \(b.short)")
        return true
    }

    /// Paths that differ between two commits (`from` nil: everything in `to`).
    public func changedPaths(from: GitCommitID?, to: GitCommitID) throws -> [String] {
        let newTree = try tree(of: to)
        defer { git_tree_free(newTree) }
        let oldTree = try from.map { try tree(of: $0) }
        defer { if let oldTree { git_tree_free(oldTree) } }
        var diff: OpaquePointer?
        try check(git_diff_tree_to_tree(&diff, handle, oldTree, newTree, nil), "compare commits")
        defer { git_diff_free(diff) }
        var paths: Set<String> = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i)?.pointee else { continue }
            if let p = delta.new_file.path { paths.insert(String(cString: p)) }
            if let p = delta.old_file.path { paths.insert(String(cString: p)) }
        }
        return paths.sorted()
    }

    // MARK: - Moving the branch

    /// Checks out `target` over a work tree that matches `baseline` (HEAD plus the user's hand
    /// edits that sync snapshotted), then points the current branch at it. With `dryRun` it only
    /// reports whether that would succeed: libgit2 plans every file before writing any, and a
    /// file that differs from `baseline` (an edit sync did not take in) blocks the checkout.
    public func checkout(_ target: GitCommitID, baseline: GitCommitID, previousHead: GitCommitID?, branch: String,
                         dryRun: Bool, reflog: String = "voiceclone sync") throws {
        let targetTree = try tree(of: target)
        defer { git_tree_free(targetTree) }
        let baseTree = try tree(of: baseline)
        defer { git_tree_free(baseTree) }
        var opts = git_checkout_options()
        try check(git_checkout_options_init(&opts, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "prepare a checkout")
        opts.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue | (dryRun ? GIT_CHECKOUT_DRY_RUN.rawValue : 0)
        opts.baseline = baseTree
        let blocked = BlockedPaths()
        let payload = Unmanaged.passRetained(blocked)
        defer { payload.release() }
        opts.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT.rawValue
        opts.notify_cb = checkoutNotifyCallback
        opts.notify_payload = payload.toOpaque()
        let code = git_checkout_tree(handle, targetTree, &opts)
        if code == GIT_ECONFLICT.rawValue || !blocked.paths.isEmpty {
            throw GitError(action: "update the work tree",
                           detail: "these files have changes sync did not take in: \(blocked.paths.sorted().joined(separator: ", "))",
                           code: Int(GIT_ECONFLICT.rawValue))
        }
        try check(code, "update the work tree")
        if dryRun { return }
        var oid = try target.oid()
        var ref: OpaquePointer?
        try check(git_reference_create(&ref, handle, "refs/heads/\(branch)", &oid, 1, reflog), "move \(branch) to \(target.short)")
        git_reference_free(ref)
        // Checkout updated the index for the files it wrote; files that matched the baseline
        // (the snapshotted hand edits) still have the old HEAD's entries.
        try resetIndexEntries(to: target, paths: try changedPaths(from: previousHead, to: target))
    }

    /// Sets the repository index entries for `paths` to what `commit` holds, leaving other entries
    /// (a user's staged work elsewhere) alone.
    func resetIndexEntries(to commit: GitCommitID, paths: [String]) throws {
        guard !paths.isEmpty else { return }
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "open the index")
        defer { git_index_free(index) }
        _ = git_index_read(index, 0)
        for path in Set(paths) {
            var entry: OpaquePointer?
            if git_tree_entry_bypath(&entry, tree, path) == 0, let entry {
                defer { git_tree_entry_free(entry) }
                if git_tree_entry_type(entry) == GIT_OBJECT_BLOB {
                    let full = workdir.appendingPathComponent(path).path
                    if FileManager.default.fileExists(atPath: full) {
                        _ = git_index_add_bypath(index, path)
                    } else {
                        var e = git_index_entry()
                        e.mode = UInt32(git_tree_entry_filemode(entry).rawValue)
                        e.id = git_tree_entry_id(entry).pointee
                        path.withCString { p in
                            e.path = p
                            _ = git_index_add(index, &e)
                        }
                    }
                }
            } else {
                _ = git_index_remove_bypath(index, path)
            }
        }
        try check(git_index_write(index), "write the index")
    }

    // MARK: - Helpers

    func tree(of commit: GitCommitID) throws -> OpaquePointer {
        var oid = try commit.oid()
        var c: OpaquePointer?
        try check(git_commit_lookup(&c, handle, &oid), "read commit \(commit.short)")
        defer { git_commit_free(c) }
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, c), "read commit \(commit.short)")
        return tree!
    }

    func lastErrorMessage() -> String? {
        git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } }
    }
}

extension GitCommitID {
    func oid() throws -> git_oid {
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else {
            throw GitError(action: "read a commit id", detail: "\"\(hex)\" is not a commit id", code: -1)
        }
        return oid
    }
}

// MARK: - C callbacks (context travels through the payload pointer)

/// What the credential callback has tried so far: libgit2 asks again after every refusal, so
/// each source is offered once and then the callback gives up instead of looping forever.
final class CredentialBox {
    let credentials: GitCredentials
    var triedAgent = false
    var nextKey = 0
    var triedToken = false
    var rejection: String?
    init(_ credentials: GitCredentials) { self.credentials = credentials }
}

final class BlockedPaths {
    var paths: [String] = []
}

let credentialCallback: git_credential_acquire_cb = { out, _, usernameFromURL, allowed, payload in
    guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
    let box = Unmanaged<CredentialBox>.fromOpaque(payload).takeUnretainedValue()
    let creds = box.credentials
    let urlUser = usernameFromURL.map { String(cString: $0) }
    if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
        let user = urlUser ?? creds.username ?? "git"
        if creds.useAgent && !box.triedAgent {
            box.triedAgent = true
            if git_credential_ssh_key_from_agent(out, user) == 0 { return 0 }
        }
        while box.nextKey < creds.sshKeys.count {
            let key = creds.sshKeys[box.nextKey]
            box.nextKey += 1
            let pub = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
            if git_credential_ssh_key_new(out, user, pub, key, nil) == 0 { return 0 }
        }
    }
    if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let token = creds.token, !box.triedToken {
        box.triedToken = true
        let user = creds.username ?? urlUser ?? "x-access-token"
        if git_credential_userpass_plaintext_new(out, user, token) == 0 { return 0 }
    }
    if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
        return git_credential_username_new(out, urlUser ?? creds.username ?? "git")
    }
    return GIT_PASSTHROUGH.rawValue
}

private let pushUpdateCallback: git_push_update_reference_cb = { refname, status, payload in
    guard let status, let payload else { return 0 }
    let box = Unmanaged<CredentialBox>.fromOpaque(payload).takeUnretainedValue()
    let ref = refname.map { String(cString: $0) } ?? "the branch"
    box.rejection = "\(ref): \(String(cString: status))"
    return 0
}

private let checkoutNotifyCallback: git_checkout_notify_cb = { _, path, _, _, _, payload in
    if let path, let payload {
        Unmanaged<BlockedPaths>.fromOpaque(payload).takeUnretainedValue().paths.append(String(cString: path))
    }
    return 0
}
