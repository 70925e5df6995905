/// How far to trust a score at this length: the signals are rates, and rates of a short text are noisy.
public struct DetectionReliability: Codable, Sendable, Equatable {
    /// `low` (under 150 words), `moderate` (under 400) or `high`.
    public var level: String
    public var note: String

    static func forWords(_ words: Int) -> DetectionReliability {
        if words < 80 {
            return .init(level: "low", note: "Only \(words) words: too short for a verdict. The band shows how far the score could move; judge the flagged sentences yourself.")
        }
        if words < 150 {
            return .init(level: "low", note: "Only \(words) words: too little to judge rhythm and rates well; the band shows how far the score could move, so judge the flagged sentences yourself.")
        }
        if words < 400 {
            return .init(level: "moderate", note: "\(words) words: enough for the phrase signals, still thin for rhythm and variety.")
        }
        return .init(level: "high", note: "\(words) words: every signal has enough text to measure.")
    }
}
