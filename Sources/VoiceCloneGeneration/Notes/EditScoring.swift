/// How a whole text scores with the judges a writer sees: the probability (0–100) that the target writer wrote it,
/// and its AI-likeness (0–100). `nil` voice match: the voice could not be scored (too little sample text).
public struct EditScore: Sendable, Equatable {
    public var voiceMatch: Double?
    public var aiLikeness: Double
    /// The width, in points, of the voice match's uncertainty band for a text of this length (`match`'s band);
    /// `nil` when the judge gives none.
    public var voiceBand: Double?
    /// The width, in points, of the AI-likeness band when the detector withholds its verdict because the text is too
    /// short to judge (under 80 words); `nil` when it gives one.
    public var aiBand: Double?

    public init(voiceMatch: Double?, aiLikeness: Double, voiceBand: Double? = nil, aiBand: Double? = nil) {
        self.voiceMatch = voiceMatch
        self.aiLikeness = aiLikeness
        self.voiceBand = voiceBand
        self.aiBand = aiBand
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
/// its tolerance, nor raise AI-likeness by more than ``aiTolerance`` points.
///
/// The voice tolerance follows the score's own uncertainty. On a 200-word text the verifier's band spans 30–40
/// points and swapping one word moves the score by 2–3 points either way, so a fixed one-point rule refused the
/// removal of "delve" and "In today's fast-paced world" from a machine draft as if they had cost the voice
/// something. A move within ``bandShare`` of the band is read as noise; a move beyond it (the 52 → 14 of one split
/// and one contraction on an 86-word paragraph) is refused. Long texts have narrow bands, so the rule tightens
/// toward ``voiceTolerance`` as the evidence grows.
public struct EditGuard: Sendable {
    /// The least voice-match loss (points, 0–100) ever allowed: the probability moves by a fraction of a point on
    /// any change of wording, and refusing every such move would refuse every edit.
    public var voiceTolerance: Double
    /// The share of the voice match's band width allowed as loss, when the judge gives a band.
    public var bandShare: Double
    /// Points of AI-likeness an edit may add: the score is reported in whole points and moves by one either way when
    /// a sentence changes length (taking out "not just X, but Y" raised one draft 98 → 99), so one point is noise;
    /// the check against the draft keeps such points from adding up.
    ///
    /// On a text too short for the detector's verdict (it then gives a band instead, ``EditScore/aiBand``) the
    /// allowance follows that band as the voice's does: a 60-word paragraph went 31 → 38 when a 21-word sentence was
    /// cut at ", and" into two full sentences, and an Oxford comma taken out moved a 55-word one 43 → 46. The
    /// detector itself says such moves mean nothing at this length, so refusing edits on them refused the writer's
    /// habits for noise.
    public var aiTolerance: Double

    public init(voiceTolerance: Double = 1, bandShare: Double = 0.25, aiTolerance: Double = 1) {
        self.voiceTolerance = voiceTolerance
        self.bandShare = bandShare
        self.aiTolerance = aiTolerance
    }

    /// The voice-match loss allowed from a text scored `before`.
    public func voiceAllowance(_ before: EditScore) -> Double {
        max(voiceTolerance, bandShare * (before.voiceBand ?? 0))
    }

    /// The AI-likeness gain allowed from a text scored `before`.
    public func aiAllowance(_ before: EditScore) -> Double {
        max(aiTolerance, bandShare * (before.aiBand ?? 0))
    }

    /// Why the change from `before` to `after` is refused, or `nil` when it may be kept.
    public func refusal(before: EditScore, after: EditScore) -> String? {
        if let b = before.voiceMatch, let a = after.voiceMatch, a < b - voiceAllowance(before) {
            return "lowered voice match (\(Self.points(b)) → \(Self.points(a)))"
        }
        if after.aiLikeness > before.aiLikeness + aiAllowance(before) {
            return "raised AI-likeness (\(Self.points(before.aiLikeness)) → \(Self.points(after.aiLikeness)))"
        }
        return nil
    }

    static func points(_ x: Double) -> String { String(Int(x.rounded())) }

    /// Keeps, in text order, each group of edits that the guard allows both against the text with the groups kept
    /// so far and against the draft: one score of the draft plus one per group, so a 300-word essay with fifteen
    /// edited sentences costs sixteen scores, not one per word. `render` builds the text from the kept groups'
    /// indices.
    ///
    /// `judgedOnVoice(index)` is false for a group that only takes out machine tells (a tell word swapped, an opening
    /// connective dropped): taking them out is the rewrite's other aim, the tell lists are fixed evidence, and on a
    /// short text the voice match swings by tens of points on any two words (a 70-word draft went 51 → 8 when
    /// "delve into" became "look at"), so such a group answers to AI-likeness alone. Its voice change then becomes
    /// the draft's level for the groups after it, so their own losses still cannot add up.
    /// - Returns: the kept indices, the final score, and for each refused group its index and the reason.
    /// `start`: the score of `render([])` when the caller already has it (the rewrite's second stage starts from
    /// the first stage's result), so it is not scored twice.
    public func filter(groups count: Int, scorer: any EditScoring, start known: EditScore? = nil,
                       judgedOnVoice: (Int) -> Bool = { _ in true }, render: (Set<Int>) -> String)
        -> (kept: Set<Int>, score: EditScore, refused: [(index: Int, reason: String)]) {
        var kept = Set<Int>()
        let start = known ?? scorer.editScore(render(kept))
        var current = start
        var anchor = start
        var refused: [(index: Int, reason: String)] = []
        var aiOnly = self
        aiOnly.voiceTolerance = .infinity
        for index in 0..<count {
            var trial = kept
            trial.insert(index)
            let score = scorer.editScore(render(trial))
            let voiceJudged = judgedOnVoice(index)
            let rule = voiceJudged ? self : aiOnly
            // Against the text so far and against the draft, so small allowed losses cannot add up.
            if let reason = rule.refusal(before: current, after: score) ?? rule.refusal(before: anchor, after: score) {
                refused.append((index, reason))
            } else {
                kept = trial
                current = score
                if !voiceJudged, let now = score.voiceMatch, let level = anchor.voiceMatch, now < level {
                    anchor.voiceMatch = now
                }
            }
        }
        return (kept, current, refused)
    }
}
