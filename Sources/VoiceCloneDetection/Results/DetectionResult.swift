/// The detector's answer for one text: a calibrated score with its meaning, the evidence, and where to look.
public struct DetectionResult: Codable, Sendable, Equatable {
    /// 0–100 AI-likeness: the calibrated probability, in percent, that a text like this was machine-written.
    public var score: Int
    /// The verdict at `threshold`.
    public var likelyAI: Bool
    public var threshold: Int
    /// What the score means, in plain words.
    public var meaning: String
    public var reliability: DetectionReliability
    public var words: Int
    /// The clone whose baseline the signals were judged against, if any.
    public var baseline: String?
    public var signals: [DetectionSignal]
    public var flags: [SentenceFlag]
    /// True when the text is too short (under 80 words) for a verdict: `likelyAI` is then always false.
    public var verdictWithheld: Bool = false
    /// The range the score could plausibly take at this length (wider for shorter texts).
    public var band: ScoreBand?
    /// The share of human calibration texts of about this length that score this high or higher.
    public var humanShare: Double?
    /// The style evidence by family, as shares of the logit (positive = more machine-like than a typical person).
    public var style: [StyleEvidence] = []

    enum CodingKeys: String, CodingKey {
        case score, likelyAI = "likely_ai", threshold, meaning, reliability, words, baseline, signals, flags
        case verdictWithheld = "verdict_withheld", band, humanShare = "human_share", style
    }
}
