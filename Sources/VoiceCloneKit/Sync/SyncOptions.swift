/// How `SyncService.run` runs.
public struct SyncOptions: Sendable {
    /// The remote to sync with; nil picks `origin`, or the only remote.
    public var remote: String?
    /// Fetch-integrate-push rounds before a push the remote keeps refusing is reported.
    public var maxAttempts: Int
    /// Called just before each push with the attempt number (1-based). Tests use it to make the
    /// remote move between fetch and push; a progress display can use it to say "pushing".
    public var beforePush: (@Sendable (Int) throws -> Void)?
    /// Merge with a remote whose history shares nothing with this vault's (another vault's `init`). Off by default:
    /// such a merge mixes two vaults, and the remote's config would replace this one's.
    public var allowUnrelated: Bool

    public init(remote: String? = nil, maxAttempts: Int = 3, allowUnrelated: Bool = false,
                beforePush: (@Sendable (Int) throws -> Void)? = nil) {
        self.remote = remote
        self.allowUnrelated = allowUnrelated
        self.maxAttempts = max(1, maxAttempts)
        self.beforePush = beforePush
    }
}
