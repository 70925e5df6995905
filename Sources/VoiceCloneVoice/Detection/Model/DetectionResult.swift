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

    enum CodingKeys: String, CodingKey {
        case score, likelyAI = "likely_ai", threshold, meaning, reliability, words, baseline, signals, flags
    }
}

/// One signal as reported: its measured value, the model's weight and what it added to the score's logit.
public struct DetectionSignal: Codable, Sendable, Equatable {
    public var name: String
    public var value: Double
    public var weight: Double
    /// weight × (input − the writer's allowance): this signal's share of the logit.
    public var contribution: Double
    /// The writer's own value on this signal, when judged against a clone.
    public var baseline: Double?
    public var description: String
}

/// How far to trust a score at this length: the signals are rates, and rates of a short text are noisy.
public struct DetectionReliability: Codable, Sendable, Equatable {
    /// `low` (under 150 words), `moderate` (under 400) or `high`.
    public var level: String
    public var note: String

    static func forWords(_ words: Int) -> DetectionReliability {
        if words < 150 {
            return .init(level: "low", note: "Only \(words) words: a few phrases can swing the score; treat it as a hint and judge the flagged sentences yourself.")
        }
        if words < 400 {
            return .init(level: "moderate", note: "\(words) words: enough for the phrase signals, still thin for rhythm and variety.")
        }
        return .init(level: "high", note: "\(words) words: every signal has enough text to measure.")
    }
}

/// One sentence that raised the score: where it is, why, and what to do about it.
public struct SentenceFlag: Codable, Sendable, Equatable {
    public var span: TextSpan
    public var sentence: String
    public var reasons: [String]
    public var suggestion: String
    /// The signals behind the reasons (names as in `signals`).
    public var signals: [String]
}

/// UTF-8 byte offsets into the text as given (`end` exclusive), and the same as Unicode character (scalar) offsets.
public struct TextSpan: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var startCharacter: Int
    public var endCharacter: Int

    enum CodingKeys: String, CodingKey {
        case start, end, startCharacter = "start_character", endCharacter = "end_character"
    }
}
