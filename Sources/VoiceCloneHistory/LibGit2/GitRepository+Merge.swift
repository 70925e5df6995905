internal import CGit2
import Foundation

/// The in-memory merge sync uses: libgit2 merges the two commits into an index that lives only
/// in memory, the caller's rules replace every conflict, and the result becomes a two-parent
/// commit on no branch. Nothing is written to the work tree, the index file or MERGE_HEAD, so
/// the repository is never left mid-merge and no file ever holds conflict markers.
extension GitRepository {
    /// Merges `theirs` into `ours` and returns the merge commit (HEAD does not move).
    /// - Parameter message: called after `resolve`, so the message can tell what the rules did.
    /// - Parameter resolve: given every path the merge settled cleanly and every conflict, returns
    ///   the files to write instead (a conflict path the edits leave out is dropped). It must
    ///   account for every conflict; an unresolved one is an error, never a half-merge.
    public func mergeCommit(ours: GitCommitID, theirs: GitCommitID, identity: GitIdentity, message: () -> String,
                            resolve: (_ mergedPaths: Set<String>, _ conflicts: [GitConflict]) throws -> [GitTreeEdit]) throws -> GitCommitID {
        var ourOID = try ours.oid(), theirOID = try theirs.oid()
        var ourCommit: OpaquePointer?, theirCommit: OpaquePointer?
        try check(git_commit_lookup(&ourCommit, handle, &ourOID), "read commit \(ours.short)")
        defer { git_commit_free(ourCommit) }
        try check(git_commit_lookup(&theirCommit, handle, &theirOID), "read commit \(theirs.short)")
        defer { git_commit_free(theirCommit) }

        var opts = git_merge_options()
        try check(git_merge_options_init(&opts, UInt32(GIT_MERGE_OPTIONS_VERSION)), "prepare a merge")
        // No rename detection: two similar samples must never be paired up as one renamed file.
        opts.flags = 0
        var index: OpaquePointer?
        try check(git_merge_commits(&index, handle, ourCommit, theirCommit, &opts), "merge \(theirs.short) into \(ours.short)")
        defer { git_index_free(index) }

        var conflicts: [GitConflict] = []
        if git_index_has_conflicts(index) == 1 {
            var iterator: OpaquePointer?
            try check(git_index_conflict_iterator_new(&iterator, index), "list merge conflicts")
            defer { git_index_conflict_iterator_free(iterator) }
            var ancestor: UnsafePointer<git_index_entry>?, our: UnsafePointer<git_index_entry>?, their: UnsafePointer<git_index_entry>?
            while git_index_conflict_next(&ancestor, &our, &their, iterator) == 0 {
                guard let path = (our ?? their ?? ancestor)?.pointee.path.map({ String(cString: $0) }) else { continue }
                conflicts.append(GitConflict(path: path, ancestor: try blobData(ancestor), ours: try blobData(our), theirs: try blobData(their)))
            }
        }
        var merged: Set<String> = []
        for i in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, i), git_index_entry_stage(entry) == 0,
                  let path = entry.pointee.path else { continue }
            merged.insert(String(cString: path))
        }
        conflicts.sort { $0.path < $1.path }

        let edits = try resolve(merged, conflicts)
        for conflict in conflicts {
            _ = git_index_conflict_remove(index, conflict.path)
        }
        for edit in edits {
            if let data = edit.contents {
                var blob = git_oid()
                try data.withUnsafeBytes { raw in
                    try check(git_blob_create_from_buffer(&blob, handle, raw.baseAddress, raw.count), "store \(edit.path)")
                }
                var entry = git_index_entry()
                entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
                entry.id = blob
                try edit.path.withCString { cPath in
                    entry.path = cPath
                    try check(git_index_add(index, &entry), "stage \(edit.path)")
                }
            } else {
                _ = git_index_remove(index, edit.path, 0)
            }
        }
        if git_index_has_conflicts(index) == 1 {
            throw GitError(action: "merge \(theirs.short) into \(ours.short)", detail: "a conflict was left unresolved", code: Int(GIT_ECONFLICT.rawValue))
        }
        var treeID = git_oid()
        try check(git_index_write_tree_to(&treeID, index, handle), "write the merged tree")
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &treeID), "read the merged tree")
        defer { git_tree_free(tree) }

        var signature: UnsafeMutablePointer<git_signature>?
        try check(git_signature_now(&signature, identity.name, identity.email), "use the commit identity \(identity.name) <\(identity.email)>")
        defer { git_signature_free(signature) }
        var commitID = git_oid()
        var parents: [OpaquePointer?] = [ourCommit, theirCommit]
        let message = message()
        let code = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, handle, nil, signature, signature, "UTF-8", message, tree, buffer.count, buffer.baseAddress)
        }
        try check(code, "write the merge commit")
        return GitCommitID(commitID)
    }

    /// The bytes of one file as `commit` holds it, nil when it has no such file.
    public func fileContents(_ path: String, at commit: GitCommitID) throws -> Data? {
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        var oid = git_tree_entry_id(entry).pointee
        return try blob(&oid)
    }

    /// Every file path `commit` holds.
    public func filePaths(at commit: GitCommitID) throws -> [String] {
        let tree = try tree(of: commit)
        defer { git_tree_free(tree) }
        var index: OpaquePointer?
        try check(git_index_new(&index), "read commit \(commit.short)")
        defer { git_index_free(index) }
        try check(git_index_read_tree(index, tree), "read commit \(commit.short)")
        return (0..<git_index_entrycount(index)).compactMap { i in
            git_index_get_byindex(index, i)?.pointee.path.map { String(cString: $0) }
        }
    }

    private func blobData(_ entry: UnsafePointer<git_index_entry>?) throws -> Data? {
        guard let entry else { return nil }
        var oid = entry.pointee.id
        return try blob(&oid)
    }

    private func blob(_ oid: inout git_oid) throws -> Data {
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid), "read a file from the history")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }
}
