import VoiceCloneRewrite

/// `rewrite`: the rewritten text, what changed, and the scores that say whether it worked.
public struct RewriteReport: Encodable, Sendable {
    /// Scores of one version of the text.
    public struct Scores: Codable, Sendable, Equatable {
        /// 0–100 AI-likeness, judged against the clone's writing.
        public var aiLikeness: Int
        /// 0–100 "sounds like the clone" (voice match over the clone's samples).
        public var voiceMatch: Int

        enum CodingKeys: String, CodingKey { case aiLikeness = "ai_likeness", voiceMatch = "voice_match" }
    }

    public var file: String
    public var clone: String
    /// `local` for the offline rewrite; a provider's name when a language model did it.
    public var engine: String
    public var text: String
    public var before: Scores
    public var after: Scores
    /// Share of the draft's content words still present (the offline rewrite keeps it ≥ 0.95).
    public var contentWordRecall: Double
    /// The same over every non-function word, the replaced tell words included.
    public var allWordRecall: Double
    /// Edits made, by kind (offline rewrite only).
    public var edits: [String: Int]
    public var diff: RewriteDiff
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case file, clone, engine, text, before, after, edits, diff, warnings
        case contentWordRecall = "content_word_recall", allWordRecall = "all_word_recall"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(clone, forKey: .clone)
        try c.encode(engine, forKey: .engine)
        try c.encode(text, forKey: .text)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode((contentWordRecall * 10_000).rounded() / 10_000, forKey: .contentWordRecall)
        try c.encode((allWordRecall * 10_000).rounded() / 10_000, forKey: .allWordRecall)
        try c.encode(edits, forKey: .edits)
        try c.encode(diff, forKey: .diff)
        try c.encode(warnings, forKey: .warnings)
    }
}
