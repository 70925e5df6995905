/// A finished piece with everything needed to judge and record it: which engine wrote it, whether the platform's
/// limits were met, and how close it came to copying a sample.
public struct GeneratedPiece: Codable, Sendable, Equatable {
    /// The final text, already shaped for the platform (threads are posts separated by blank lines).
    public var text: String
    public var provider: String
    public var model: String
    /// The platform preset name the piece was shaped for.
    public var platform: String
    /// Platform and guard checks, each with a plain-language detail.
    public var checks: [PlatformCheck]
    /// The longest run of consecutive words shared with any sample, measured on the final text;
    /// `nil` when the provider could not check (no samples were available to it).
    public var longestCopiedRun: Int?
    /// Things the user should know (thin clone, topic words the writer never used, a limit that forced a cut).
    public var warnings: [String]
    /// The seed actually used, so any piece can be reproduced; `nil` for providers without seeds.
    public var seed: UInt64?
    /// The offline notes drafter's shaping edits, each with its reason, those the guard put back marked "not kept:
    /// …" (so a writer can see why a sentence of their notes changed, or did not); empty for other engines. Not part
    /// of the piece's stored form.
    public var edits: [ShapingEdit] = []

    public init(
        text: String, provider: String, model: String, platform: String,
        checks: [PlatformCheck] = [], longestCopiedRun: Int? = nil, warnings: [String] = [], seed: UInt64? = nil
    ) {
        self.text = text
        self.provider = provider
        self.model = model
        self.platform = platform
        self.checks = checks
        self.longestCopiedRun = longestCopiedRun
        self.warnings = warnings
        self.seed = seed
    }

    /// True when every check passed.
    public var allChecksPassed: Bool { checks.allSatisfy(\.passed) }

    enum CodingKeys: String, CodingKey {
        case text, provider, model, platform, checks, warnings, seed
        case longestCopiedRun = "longest_copied_run"
    }
}
