import VoiceCloneProviders

/// What `generate` did: the pieces written, or, for `--dry-run`, the requests that would have been sent.
public struct GenerateReport: Sendable {
    public var results: [GenerationResult]
    /// One request per variant; empty unless `dryRun`.
    public var dryRun: [PreparedRequest]
    /// Warnings about the run as a whole (no DNA yet, a thin clone).
    public var warnings: [String]
    /// The prompt's size by `TokenEstimate` (remote providers only).
    public var promptTokens: Int? = nil
    /// The samples the prompt showed whole as examples.
    public var exemplarSampleIDs: [String] = []
}
