/// How a refined piece ended: the thresholds it was held to, whether the kept text meets them, and which round
/// it came from (the best-scoring round, which is not always the last).
public struct RefineSummary: Encodable, Sendable, Equatable {
    public var minVoiceMatch: Int
    public var maxAILikeness: Int
    public var passed: Bool
    public var keptRound: Int
    public var rounds: [RefineRound]

    public init(minVoiceMatch: Int, maxAILikeness: Int, passed: Bool, keptRound: Int, rounds: [RefineRound]) {
        self.minVoiceMatch = minVoiceMatch
        self.maxAILikeness = maxAILikeness
        self.passed = passed
        self.keptRound = keptRound
        self.rounds = rounds
    }

    /// The rounds are encoded beside the summary (`rounds` in `generate --json`), not inside it.
    enum CodingKeys: String, CodingKey {
        case passed
        case minVoiceMatch = "min_voice_match"
        case maxAILikeness = "max_ai_likeness"
        case keptRound = "kept_round"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(minVoiceMatch, forKey: .minVoiceMatch)
        try c.encode(maxAILikeness, forKey: .maxAILikeness)
        try c.encode(passed, forKey: .passed)
        try c.encode(keptRound, forKey: .keptRound)
    }
}
