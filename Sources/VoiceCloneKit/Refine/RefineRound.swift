/// One round of `generate --refine`: what was done and how the result scored.
public struct RefineRound: Codable, Sendable, Equatable {
    /// 1-based; round 1 is the first draft.
    public var round: Int
    public var voiceMatch: Int?
    public var aiLikeness: Int
    /// `draft`, `revise` (a language model given the feedback), `rewrite` (the offline rewrite toward the DNA)
    /// or `redraft seed N` (the offline engine again with another seed).
    public var action: String
    /// Whether this round's text met both aims and passed every platform and no-copy check.
    public var passed: Bool
    /// Platform and no-copy checks the text failed (`length`, `max_chars`, `no_copy`, …): a text that meets the
    /// platform is kept over one that scores better but does not.
    public var failedChecks: [String]

    public init(round: Int, voiceMatch: Int?, aiLikeness: Int, action: String, passed: Bool, failedChecks: [String] = []) {
        self.round = round
        self.voiceMatch = voiceMatch
        self.aiLikeness = aiLikeness
        self.action = action
        self.passed = passed
        self.failedChecks = failedChecks
    }

    enum CodingKeys: String, CodingKey {
        case round, action, passed
        case voiceMatch = "voice_match"
        case aiLikeness = "ai_likeness"
        case failedChecks = "failed_checks"
    }

    private enum ProbabilityKey: String, CodingKey { case sameWriterProbability = "same_writer_probability" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(round, forKey: .round)
        try c.encode(voiceMatch, forKey: .voiceMatch)
        // The same verification probability as `voice_match`, as 0–1; `voice_match` stays for one release.
        var extra = encoder.container(keyedBy: ProbabilityKey.self)
        try extra.encodeIfPresent(voiceMatch.map { Double($0) / 100 }, forKey: .sameWriterProbability)
        try c.encode(aiLikeness, forKey: .aiLikeness)
        try c.encode(action, forKey: .action)
        try c.encode(passed, forKey: .passed)
        try c.encode(failedChecks, forKey: .failedChecks)
    }
}
