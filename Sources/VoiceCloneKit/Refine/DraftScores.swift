import VoiceCloneDetection

/// A text's two scores with the evidence a revision needs: the detector's flagged sentences and the largest
/// differences from the voice, in words.
public struct DraftScores: Sendable {
    /// 0–100 "sounds like the clone"; `nil` when the voice has too little text to score against.
    public var voiceMatch: Int?
    /// 0–100 AI-likeness against the writer's baseline.
    public var aiLikeness: Int
    public var detection: DetectionResult
    /// Differences from the voice's DNA traits, largest first.
    public var differences: [String]

    public init(voiceMatch: Int?, aiLikeness: Int, detection: DetectionResult, differences: [String]) {
        self.voiceMatch = voiceMatch
        self.aiLikeness = aiLikeness
        self.detection = detection
        self.differences = differences
    }
}
