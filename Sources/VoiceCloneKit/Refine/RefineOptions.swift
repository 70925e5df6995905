/// `generate --refine N`: how many rounds a piece gets and the scores that end the loop early.
///
/// The defaults are the scores a writer can publish without a second look: a voice match of 70 (texts by the
/// writer themselves usually score 80–95) and an AI-likeness under the detector's own verdict threshold.
public struct RefineOptions: Sendable, Equatable {
    /// Rounds in all, the first draft included (1 scores the draft and revises nothing).
    public var rounds: Int
    /// The loop stops once voice match is at least this (0–100).
    public var minVoiceMatch: Int
    /// ... and AI-likeness at most this; `nil` is one below the detector's verdict threshold.
    public var maxAILikeness: Int?

    public static let defaultMinVoiceMatch = 70

    public init(rounds: Int, minVoiceMatch: Int = RefineOptions.defaultMinVoiceMatch, maxAILikeness: Int? = nil) {
        self.rounds = rounds
        self.minVoiceMatch = minVoiceMatch
        self.maxAILikeness = maxAILikeness
    }
}
