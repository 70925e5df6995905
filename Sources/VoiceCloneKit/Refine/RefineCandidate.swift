import VoiceCloneGeneration

/// A text the refine loop has scored: the best one so far is what the next round revises and what is kept.
struct RefineCandidate: Sendable {
    var round: Int
    var piece: GeneratedPiece
    var scores: DraftScores
    var action: String
    var passesVoice: Bool
    var passesAI: Bool

    /// Both aims met, and the platform's rules and the no-copy guard too: only then does the loop stop.
    var passed: Bool { passesVoice && passesAI && piece.allChecksPassed }

    /// Orders candidates: a piece that meets the platform and the no-copy guard first, then the one meeting more
    /// thresholds, then the larger margin over both aims. Ties keep the earlier round (fewer edits from the model).
    func isBetter(than other: RefineCandidate, minVoiceMatch: Int, maxAILikeness: Int) -> Bool {
        func key(_ c: RefineCandidate) -> (Int, Int, Int) {
            let margin = ((c.scores.voiceMatch ?? minVoiceMatch) - minVoiceMatch) + (maxAILikeness - c.scores.aiLikeness)
            return (c.piece.allChecksPassed ? 1 : 0, (c.passesVoice ? 1 : 0) + (c.passesAI ? 1 : 0), margin)
        }
        return key(self) > key(other)
    }
}
