/// What `voiceclone sync` did, for people and (as JSON) for scripts.
public struct SyncReport: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// Both sides already had the same history.
        case upToDate = "up_to_date"
        /// Only this vault had new commits; they were pushed.
        case pushed
        /// Only the remote had new commits; this vault moved forward to them.
        case fastForward = "fast_forward"
        /// Both had new commits; they were merged, and the merge was pushed.
        case merged
    }

    public var remote: String
    public var url: String
    /// This vault's branch.
    public var branch: String
    /// The remote's branch it syncs with: the same name, or the one the remote's HEAD named when it was new.
    public var remoteBranch: String
    public var outcome: Outcome
    /// Hand edits committed before integrating (one commit), empty when there were none.
    public var committed: [String]
    public var headBefore: String
    public var headAfter: String
    /// Files the remote's commits changed in this vault.
    public var received: [String]
    /// Commits this vault sent to the remote.
    public var sentCommits: Int
    public var conflicts: [SyncConflict]
    public var renumbered: [DNARenumbering]
    /// Attempts made (more than one when a push was rejected because the remote moved meanwhile).
    public var attempts: Int
    public var rejectedPushes: [String]

    enum CodingKeys: String, CodingKey {
        case remote, url, branch, outcome, committed, received, conflicts, renumbered, attempts
        case remoteBranch = "remote_branch"
        case headBefore = "head_before"
        case headAfter = "head_after"
        case sentCommits = "sent_commits"
        case rejectedPushes = "rejected_pushes"
    }
}

/// One file both sides changed: the remote's version stays at `path`, this vault's is kept at `localCopy`.
public struct SyncConflict: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Edited (or added under the same name) on both sides; both texts kept.
        case editedOnBothSides = "edited_on_both_sides"
        /// Deleted here, edited there: the edit was kept.
        case deletedHereEditedThere = "deleted_here_edited_there"
        /// Edited here, deleted there: the edit was kept.
        case editedHereDeletedThere = "edited_here_deleted_there"
        /// A file on one side where the other has a folder of the same name: the folder stays, the file moves beside it.
        case fileAndFolder = "file_and_folder"
    }
    public var kind: Kind
    public var path: String
    public var localCopy: String?
    public var message: String

    enum CodingKeys: String, CodingKey {
        case kind, path, message
        case localCopy = "local_copy"
    }
}

/// A DNA revision both sides wrote under the same version number: the remote's keeps the number,
/// this vault's moves to the next free one.
public struct DNARenumbering: Codable, Sendable, Equatable {
    public var clone: String
    public var from: String
    public var to: String
}
