/// The measurements recorded with a saved piece, so a team can see how it scored when it was written.
public struct LibraryScores: Codable, Sendable, Equatable {
    /// 0–100 match to the clone's voice (`VoiceMatcher`); `nil` when it could not be computed.
    public var voiceMatch: Int?
    /// Longest run of words shared with a sample.
    public var longestCopiedRun: Int?

    public init(voiceMatch: Int? = nil, longestCopiedRun: Int? = nil) {
        self.voiceMatch = voiceMatch
        self.longestCopiedRun = longestCopiedRun
    }

    enum CodingKeys: String, CodingKey {
        case voiceMatch = "voice_match"
        case longestCopiedRun = "longest_copied_run"
    }
}
