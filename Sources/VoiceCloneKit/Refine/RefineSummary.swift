/// How a refined piece ended: the thresholds it was held to, whether the kept text meets them, and which round
/// it came from (the best-scoring round, which is not always the last).
public struct RefineSummary: Codable, Sendable, Equatable {
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

    enum CodingKeys: String, CodingKey {
        case passed, rounds
        case minVoiceMatch = "min_voice_match"
        case maxAILikeness = "max_ai_likeness"
        case keptRound = "kept_round"
    }
}
