/// The measurements recorded with a saved piece, so a team can see how it scored when it was written.
public struct LibraryScores: Codable, Sendable, Equatable {
    /// 0–100 match to the clone's voice (`VoiceMatcher`); `nil` when it could not be computed.
    public var voiceMatch: Int?
    /// Longest run of words shared with a sample.
    public var longestCopiedRun: Int?
    /// 0–100 AI-likeness against the clone's own writing; `nil` in pieces saved before it was recorded.
    public var aiLikeness: Int?

    public init(voiceMatch: Int? = nil, longestCopiedRun: Int? = nil, aiLikeness: Int? = nil) {
        self.voiceMatch = voiceMatch
        self.longestCopiedRun = longestCopiedRun
        self.aiLikeness = aiLikeness
    }

    enum CodingKeys: String, CodingKey {
        case voiceMatch = "voice_match"
        case longestCopiedRun = "longest_copied_run"
        case aiLikeness = "ai_likeness"
    }
}
