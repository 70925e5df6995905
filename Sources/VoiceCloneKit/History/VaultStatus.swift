/// What `voiceclone status` reports: edits not yet committed, and how the vault stands against
/// its remote as of the last sync (status never touches the network).
public struct VaultStatus: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        /// added, modified, deleted or conflicted.
        public var change: String
        /// The clone folder the file belongs to, nil for files outside `clones/`.
        public var clone: String?
    }

    public var branch: String?
    public var detachedHead: Bool
    /// clean, or the git operation left in progress (merge, rebase, …).
    public var state: String
    public var remote: String?
    public var url: String?
    /// Commits here that the remote lacks, and the reverse, as of the last sync; nil when unknown.
    public var ahead: Int?
    public var behind: Int?
    public var uncommitted: [File]

    enum CodingKeys: String, CodingKey {
        case branch, state, remote, url, ahead, behind, uncommitted
        case detachedHead = "detached_head"
    }

    /// The uncommitted files grouped by clone (files outside clones under "").
    public var uncommittedByClone: [(clone: String, files: [File])] {
        Dictionary(grouping: uncommitted) { $0.clone ?? "" }
            .sorted { $0.key < $1.key }
            .map { (clone: $0.key, files: $0.value) }
    }
}
