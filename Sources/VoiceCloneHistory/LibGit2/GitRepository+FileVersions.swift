internal import CGit2
import Foundation

/// One content a file has had in the history: the first commit (oldest first) that holds it, and its bytes.
public struct GitFileVersion: Sendable, Equatable {
    public var commit: GitCommitID
    public var date: Date
    public var data: Data
}

/// Reading a file's past. The library uses it to find the draft the tool saved, so a saved piece needs no second
/// copy of its text: the history already holds it.
extension GitRepository {
    /// Every distinct content each of `paths` has had in commits reachable from HEAD, oldest first (parents before
    /// children), one walk of the history for all paths. A path never committed maps to an empty list.
    /// - Parameter maxBytes: versions larger than this are skipped (a limit before memory grows).
    public func fileVersions(_ paths: [String], maxBytes: Int = 16 * 1024 * 1024) throws -> [String: [GitFileVersion]] {
        var result: [String: [GitFileVersion]] = Dictionary(uniqueKeysWithValues: paths.map { ($0, []) })
        guard !paths.isEmpty, headID() != nil else { return result }
        var walker: OpaquePointer?
        try check(git_revwalk_new(&walker, handle), "read the history")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue)
        try check(git_revwalk_push_head(walker), "read the history")
        var seen: [String: Set<String>] = [:]
        var oid = git_oid()
        while git_revwalk_next(&oid, walker) == 0 {
            var commit: OpaquePointer?
            guard git_commit_lookup(&commit, handle, &oid) == 0, let commit else { continue }
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            guard git_commit_tree(&tree, commit) == 0, let tree else { continue }
            defer { git_tree_free(tree) }
            let when = Date(timeIntervalSince1970: TimeInterval(git_commit_author(commit)!.pointee.when.time))
            for path in paths {
                var entry: OpaquePointer?
                guard git_tree_entry_bypath(&entry, tree, path) == 0, let entry else { continue }
                defer { git_tree_entry_free(entry) }
                guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { continue }
                var blobID = git_tree_entry_id(entry).pointee
                let key = GitCommitID(blobID).hex
                guard !seen[path, default: []].contains(key) else { continue }
                seen[path, default: []].insert(key)
                var blob: OpaquePointer?
                guard git_blob_lookup(&blob, handle, &blobID) == 0, let blob else { continue }
                defer { git_blob_free(blob) }
                let size = Int(git_blob_rawsize(blob))
                guard size <= maxBytes else { continue }
                let data = size > 0 ? git_blob_rawcontent(blob).map { Data(bytes: $0, count: size) } ?? Data() : Data()
                result[path, default: []].append(GitFileVersion(commit: GitCommitID(oid), date: when, data: data))
            }
        }
        return result
    }

    /// The bytes of `path` at the first commit that added it (reachable from HEAD), or nil if it was never committed.
    public func firstVersion(of path: String) throws -> GitFileVersion? {
        try fileVersions([path])[path]?.first
    }
}
