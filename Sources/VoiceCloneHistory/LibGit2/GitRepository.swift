internal import CGit2
import Foundation

/// The libgit2 wrapper: the only file (with its sync companion) that sees libgit2's C types.
/// Everything it returns is plain Swift, so the rest of Voice Clone never handles a C pointer.
public final class GitRepository: @unchecked Sendable {
    let handle: OpaquePointer
    public let workdir: URL

    static let initialised: Void = { git_libgit2_init(); return () }()

    private init(handle: OpaquePointer, workdir: URL) {
        self.handle = handle
        self.workdir = workdir
    }

    deinit { git_repository_free(handle) }

    // MARK: - Opening

    /// Creates a repository whose first branch is `main`.
    public static func create(at url: URL) throws -> GitRepository {
        _ = initialised
        var opts = git_repository_init_options()
        try check(git_repository_init_options_init(&opts, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "prepare a repository at \(url.path)")
        opts.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var repo: OpaquePointer?
        let code = "main".withCString { head -> Int32 in
            opts.initial_head = head
            return git_repository_init_ext(&repo, url.path, &opts)
        }
        try check(code, "create a git repository at \(url.path)")
        return GitRepository(handle: repo!, workdir: url.standardizedFileURL)
    }

    /// Opens the repository whose work tree is exactly `url` (not an enclosing one: a vault
    /// inside another project must never commit into that project).
    public static func open(at url: URL) throws -> GitRepository {
        _ = initialised
        var repo: OpaquePointer?
        try check(git_repository_open_ext(&repo, url.path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil), "open the git repository at \(url.path)")
        return GitRepository(handle: repo!, workdir: url.standardizedFileURL)
    }

    public static func exists(at url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path)
    }

    // MARK: - Identity

    /// `user.name`/`user.email` from git's own configuration (repository, then global), if set.
    public func configuredIdentity() -> GitIdentity? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var name: UnsafePointer<CChar>?
        var email: UnsafePointer<CChar>?
        guard git_config_get_string(&name, config, "user.name") == 0, let name,
              git_config_get_string(&email, config, "user.email") == 0, let email else { return nil }
        return GitIdentity(name: String(cString: name), email: String(cString: email))
    }

    // MARK: - Committing

    /// Commits exactly `paths` (relative to the work tree) as they are on disk now: present files
    /// are added, missing ones removed. Everything else in the next commit is as in HEAD, so a
    /// user's other edits, staged or not, stay out of it. Returns nil when nothing changed.
    @discardableResult
    public func commit(paths: [String], message: String, identity: GitIdentity) throws -> GitCommitID? {
        guard let id = try buildCommit(paths: paths, message: message, identity: identity, updateRef: "HEAD") else { return nil }
        syncIndex(paths: paths)
        return id
    }

    /// Like `commit`, but the new commit is on no branch and HEAD does not move: sync prepares
    /// the user's hand edits this way so that a failed sync leaves the vault exactly as it was.
    public func snapshotCommit(paths: [String], message: String, identity: GitIdentity) throws -> GitCommitID? {
        try buildCommit(paths: paths, message: message, identity: identity, updateRef: nil)
    }

    private func buildCommit(paths: [String], message: String, identity: GitIdentity, updateRef: String?) throws -> GitCommitID? {
        let parent = try headCommit()
        defer { if let parent { git_commit_free(parent) } }

        var index: OpaquePointer?
        try check(git_index_new(&index), "prepare a commit")
        defer { git_index_free(index) }
        if let parent {
            var tree: OpaquePointer?
            try check(git_commit_tree(&tree, parent), "read the last commit")
            defer { git_tree_free(tree) }
            try check(git_index_read_tree(index, tree), "read the last commit's files")
        }
        let fm = FileManager.default
        for path in Set(paths).sorted() {
            let full = workdir.appendingPathComponent(path)
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: full.path, isDirectory: &isDir), !isDir.boolValue {
                var blob = git_oid()
                try check(git_blob_create_from_disk(&blob, handle, full.path), "store \(path)")
                var entry = git_index_entry()
                entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
                entry.id = blob
                try path.withCString { cPath in
                    entry.path = cPath
                    try Self.check(git_index_add(index, &entry), "stage \(path)")
                }
            } else {
                // A removed file, or a removed folder: drop everything under it.
                _ = git_index_remove(index, path, 0)
                _ = git_index_remove_directory(index, path, 0)
            }
        }
        var treeID = git_oid()
        try check(git_index_write_tree_to(&treeID, index, handle), "write the commit's tree")
        if let parent, git_oid_equal(&treeID, git_commit_tree_id(parent)) == 1 {
            return nil
        }
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &treeID), "read the commit's tree")
        defer { git_tree_free(tree) }

        var signature: UnsafeMutablePointer<git_signature>?
        try check(git_signature_now(&signature, identity.name, identity.email), "use the commit identity \(identity.name) <\(identity.email)>")
        defer { git_signature_free(signature) }

        var commitID = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        let code = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, handle, updateRef, signature, signature, "UTF-8", message, tree,
                              buffer.count, buffer.baseAddress)
        }
        try check(code, "commit")
        return GitCommitID(commitID)
    }

    /// Brings the repository's own index in line with the commit for `paths` only, so
    /// `git status` shows them clean and leaves the user's other staged changes alone.
    func syncIndex(paths: [String]) {
        var index: OpaquePointer?
        guard git_repository_index(&index, handle) == 0 else { return }
        defer { git_index_free(index) }
        _ = git_index_read(index, 0)
        let fm = FileManager.default
        for path in paths {
            if fm.fileExists(atPath: workdir.appendingPathComponent(path).path) {
                _ = git_index_add_bypath(index, path)
            } else {
                _ = git_index_remove_bypath(index, path)
                _ = git_index_remove_directory(index, path, 0)
            }
        }
        _ = git_index_write(index)
    }

    // MARK: - Reading history

    public var hasCommits: Bool {
        guard let commit = try? headCommit() else { return false }
        git_commit_free(commit)
        return true
    }

    public func headID() -> GitCommitID? {
        var oid = git_oid()
        guard git_reference_name_to_id(&oid, handle, "HEAD") == 0 else { return nil }
        return GitCommitID(oid)
    }

    /// Commits reachable from HEAD, newest first, with the paths each one changed. When
    /// `pathPrefix` is given, only commits touching a path under it are returned.
    public func log(limit: Int = .max, pathPrefix: String? = nil) throws -> [GitCommitInfo] {
        guard headID() != nil else { return [] }
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "read the history")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TIME.rawValue | GIT_SORT_TOPOLOGICAL.rawValue)
        try check(git_revwalk_push_head(walker), "read the history")
        var result: [GitCommitInfo] = []
        var oid = git_oid()
        while result.count < limit, git_revwalk_next(&oid, walker) == 0 {
            var commit: OpaquePointer?
            guard git_commit_lookup(&commit, handle, &oid) == 0, let commit else { continue }
            defer { git_commit_free(commit) }
            let changed = changedPaths(commit)
            if let prefix = pathPrefix, !changed.contains(where: { $0.hasPrefix(prefix) }) { continue }
            let author = git_commit_author(commit)!.pointee
            result.append(GitCommitInfo(
                id: GitCommitID(oid),
                message: String(cString: git_commit_message(commit)),
                authorName: String(cString: author.name),
                authorEmail: String(cString: author.email),
                date: Date(timeIntervalSince1970: TimeInterval(author.when.time)),
                parentCount: Int(git_commit_parentcount(commit)),
                changedPaths: changed))
        }
        return result
    }

    func changedPaths(_ commit: OpaquePointer) -> [String] {
        var tree: OpaquePointer?
        guard git_commit_tree(&tree, commit) == 0 else { return [] }
        defer { git_tree_free(tree) }
        var parentTree: OpaquePointer?
        if git_commit_parentcount(commit) > 0 {
            var parent: OpaquePointer?
            if git_commit_parent(&parent, commit, 0) == 0 {
                _ = git_commit_tree(&parentTree, parent)
                git_commit_free(parent)
            }
        }
        defer { if let parentTree { git_tree_free(parentTree) } }
        var diff: OpaquePointer?
        guard git_diff_tree_to_tree(&diff, handle, parentTree, tree, nil) == 0 else { return [] }
        defer { git_diff_free(diff) }
        var paths: [String] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i)?.pointee else { continue }
            if let p = delta.new_file.path { paths.append(String(cString: p)) }
            if let p = delta.old_file.path, delta.status == GIT_DELTA_DELETED { paths.append(String(cString: p)) }
        }
        return Array(Set(paths)).sorted()
    }

    /// Work-tree files that differ from HEAD (modified, new or deleted), relative paths.
    public func uncommittedPaths() throws -> [GitStatusEntry] {
        var opts = git_status_options()
        try check(git_status_options_init(&opts, UInt32(GIT_STATUS_OPTIONS_VERSION)), "read the status")
        opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, handle, &opts), "read the status")
        defer { git_status_list_free(list) }
        var entries: [GitStatusEntry] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i)?.pointee else { continue }
            let delta = entry.index_to_workdir ?? entry.head_to_index
            guard let file = delta?.pointee else { continue }
            let path = (file.new_file.path ?? file.old_file.path).map { String(cString: $0) } ?? ""
            let flags = entry.status.rawValue
            let kind: GitStatusEntry.Kind
            if flags & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_INDEX_NEW.rawValue) != 0 {
                kind = .added
            } else if flags & (GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue) != 0 {
                kind = .deleted
            } else if flags & GIT_STATUS_CONFLICTED.rawValue != 0 {
                kind = .conflicted
            } else {
                kind = .modified
            }
            entries.append(GitStatusEntry(path: path, kind: kind))
        }
        return entries.sorted { $0.path < $1.path }
    }

    // MARK: - Remotes

    public func remotes() throws -> [GitRemote] {
        var names = git_strarray()
        try check(git_remote_list(&names, handle), "list remotes")
        defer { git_strarray_dispose(&names) }
        var result: [GitRemote] = []
        for i in 0..<names.count {
            guard let cName = names.strings[i] else { continue }
            var remote: OpaquePointer?
            guard git_remote_lookup(&remote, handle, cName) == 0, let remote else { continue }
            defer { git_remote_free(remote) }
            let url = git_remote_url(remote).map { String(cString: $0) } ?? ""
            result.append(GitRemote(name: String(cString: cName), url: url))
        }
        return result.sorted { $0.name < $1.name }
    }

    public func addRemote(name: String, url: String) throws {
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, handle, name, url), "add the remote \(name)")
        git_remote_free(remote)
    }

    public func removeRemote(name: String) throws {
        try check(git_remote_delete(handle, name), "remove the remote \(name)")
    }

    // MARK: - Helpers

    func headCommit() throws -> OpaquePointer? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "read HEAD")
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, handle, &oid), "read HEAD")
        return commit
    }

    func check(_ code: Int32, _ action: String) throws {
        try Self.check(code, action)
    }

    static func check(_ code: Int32, _ action: String) throws {
        guard code < 0 else { return }
        let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
        throw GitError(action: action, detail: detail, code: Int(code))
    }
}

extension GitCommitID {
    init(_ oid: git_oid) {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &oid)
        self.init(hex: String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}
