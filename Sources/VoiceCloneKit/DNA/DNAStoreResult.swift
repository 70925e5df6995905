/// What happened when an analysis was stored: a new revision, or nothing because the voice did not change.
public struct DNAStoreResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case written, unchanged }

    public var clone: String
    public var status: Status
    /// The new revision, or the current one when unchanged.
    public var version: Int
    /// Vault-relative path of the DNA file.
    public var path: String
    public var samples: Int
    public var words: Int
    public var confidence: Int
    /// The commit that recorded the revision (short id); nil when unchanged.
    public var commit: String?
    /// The largest changes against the previous revision, in plain words (empty for a first revision).
    public var changes: [String]
    /// Samples left out, and other things the user should know.
    public var warnings: [String]
    /// `analyze --with-llm` only: whether the language model was asked (`sent`) or its last reading was kept
    /// because the same samples would have gone to the same model (`skipped`); nil for a plain analysis.
    public var llmRequest: LLMRequest?

    public enum LLMRequest: String, Codable, Sendable { case sent, skipped }

    public init(clone: String, status: Status, version: Int, path: String, samples: Int, words: Int, confidence: Int,
                commit: String?, changes: [String], warnings: [String], llmRequest: LLMRequest? = nil) {
        self.clone = clone; self.status = status; self.version = version; self.path = path; self.samples = samples
        self.words = words; self.confidence = confidence; self.commit = commit; self.changes = changes
        self.warnings = warnings; self.llmRequest = llmRequest
    }
}
