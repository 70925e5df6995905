/// How a whole text scores with the judges a writer sees: the probability (0–100) that the target writer wrote it,
/// and its AI-likeness (0–100). `nil` voice match: the voice could not be scored (too little sample text).
public struct EditScore: Sendable, Equatable {
    public var voiceMatch: Double?
    public var aiLikeness: Double

    public init(voiceMatch: Double?, aiLikeness: Double) {
        self.voiceMatch = voiceMatch
        self.aiLikeness = aiLikeness
    }
}

/// The judges the offline shaping asks before it keeps an edit. The rewrite's edits follow measured habits (rates,
/// lengths), but the verifier weighs many features together, so a split or a contraction that moves one habit
/// toward the writer can still move the whole text away from them (an 86-word paragraph toward Marguerite went
/// 52 → 14 on a split and a contraction). Kit's `VoiceScorer` is the real judge; tests inject a small one.
public protocol EditScoring: Sendable {
    func editScore(_ text: String) -> EditScore
}

/// The rule for keeping a group of edits once it has been scored: it may not lower the voice match by more than
/// ``voiceTolerance`` points, nor raise AI-likeness by more than ``aiTolerance`` points.
public struct EditGuard: Sendable {
    /// Points of voice match (0–100) an edit may cost: the verifier's probability moves by a fraction of a point
    /// on any change of wording, and refusing every such move would refuse every edit.
    public var voiceTolerance: Double
    /// Points of AI-likeness an edit may add; AI-likeness is reported in whole points, so 0 means "not higher".
    public var aiTolerance: Double

    public init(voiceTolerance: Double = 1, aiTolerance: Double = 0) {
        self.voiceTolerance = voiceTolerance
        self.aiTolerance = aiTolerance
    }

    /// Why the change from `before` to `after` is refused, or `nil` when it may be kept.
    public func refusal(before: EditScore, after: EditScore) -> String? {
        if let b = before.voiceMatch, let a = after.voiceMatch, a < b - voiceTolerance {
            return "lowered voice match (\(Self.points(b)) → \(Self.points(a)))"
        }
        if after.aiLikeness > before.aiLikeness + aiTolerance {
            return "raised AI-likeness (\(Self.points(before.aiLikeness)) → \(Self.points(after.aiLikeness)))"
        }
        return nil
    }

    static func points(_ x: Double) -> String { String(Int(x.rounded())) }

    /// Keeps, in text order, each group of edits that the guard allows both against the text with the groups kept
    /// so far and against the draft: one score of the draft plus one per group, so a 300-word essay with fifteen edited sentences costs
    /// sixteen scores, not one per word. `render` builds the text from the kept groups' indices.
    /// - Returns: the kept indices, the final score, and for each refused group its index and the reason.
    public func filter(groups count: Int, scorer: any EditScoring, render: (Set<Int>) -> String)
        -> (kept: Set<Int>, score: EditScore, refused: [(index: Int, reason: String)]) {
        var kept = Set<Int>()
        let start = scorer.editScore(render(kept))
        var current = start
        var refused: [(index: Int, reason: String)] = []
        for index in 0..<count {
            var trial = kept
            trial.insert(index)
            let score = scorer.editScore(render(trial))
            // Against the text so far and against the draft, so small allowed losses cannot add up.
            if let reason = refusal(before: current, after: score) ?? refusal(before: start, after: score) {
                refused.append((index, reason))
            } else {
                kept = trial
                current = score
            }
        }
        return (kept, current, refused)
    }
}
