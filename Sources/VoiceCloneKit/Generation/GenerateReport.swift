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

extension GenerateReport {
    /// `generate --dry-run --json` (and the API's `dry_run`): the requests that would have been sent.
    public var dryRunOutput: DryRunOutput {
        DryRunOutput(dryRun: true, requests: dryRun, warnings: warnings, promptTokens: promptTokens, exemplarSampleIDs: exemplarSampleIDs)
    }

    /// Failures a user asked to be held to: a platform's hard character limit (unless `allowOverLimit`) and refine
    /// aims not reached. The CLI exits 1 on any; the API answers 422.
    public func unmetChecks(allowOverLimit: Bool, saveRequested: Bool = false) -> [String] {
        var unmet: [String] = []
        for result in results {
            let label = results.count > 1 ? "variant \(result.variant): " : ""
            if result.overLimit && !allowOverLimit {
                unmet.append(label + "over the limit (" + result.limitBreaches.joined(separator: "; ") + ")"
                    + (saveRequested && result.saved == nil ? ", not saved" : ""))
            }
            if let refine = result.refine, !refine.passed { unmet.append(label + "refine aims not met") }
        }
        return unmet
    }
}

/// `generate --dry-run --json`.
public struct DryRunOutput: Encodable, Sendable {
    public var dryRun: Bool
    public var requests: [PreparedRequest]
    public var warnings: [String]
    public var promptTokens: Int?
    public var exemplarSampleIDs: [String]

    enum CodingKeys: String, CodingKey {
        case requests, warnings
        case dryRun = "dry_run"
        case promptTokens = "prompt_tokens"
        case exemplarSampleIDs = "exemplar_sample_ids"
    }
}
