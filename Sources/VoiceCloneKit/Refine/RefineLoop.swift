import VoiceCloneGeneration

/// `generate --refine N`: score a draft, and while a threshold fails and rounds remain, ask for a revision of the
/// best text so far with the feedback; keep the best-scoring text, whichever round wrote it.
///
/// The loop knows nothing about providers: a `Revise` step (a language model given the feedback, or the offline
/// rewrite and re-draft) turns the best candidate into the next piece, told which texts were already
/// scored so a deterministic step does not repeat itself. Every round is scored by the same
/// ``VoiceScorer`` that `match` and `rewrite` use.
struct RefineLoop: Sendable {
    typealias Revise = @Sendable (_ round: Int, _ best: RefineCandidate, _ tried: Set<String>) async throws
        -> (piece: GeneratedPiece, action: String)

    let scorer: VoiceScorer
    let options: RefineOptions
    let maxAILikeness: Int

    init(scorer: VoiceScorer, options: RefineOptions) {
        self.scorer = scorer
        self.options = options
        maxAILikeness = options.maxAILikeness ?? max(0, scorer.detector.model.threshold - 1)
    }

    func candidate(_ piece: GeneratedPiece, round: Int, action: String) -> RefineCandidate {
        let scores = scorer.scores(piece.text)
        return RefineCandidate(
            round: round, piece: piece, scores: scores, action: action,
            passesVoice: scores.voiceMatch.map { $0 >= options.minVoiceMatch } ?? true,
            passesAI: scores.aiLikeness <= maxAILikeness)
    }

    /// Runs the rounds from `first` (round 1) and returns the kept candidate with every round's scores.
    /// - Parameter onRound: told each round's scores as soon as they are known (a remote round can take a minute).
    func run(first: GeneratedPiece, revise: Revise, onRound: (@Sendable (RefineRound) -> Void)? = nil) async throws
    -> (kept: RefineCandidate, summary: RefineSummary) {
        var best = candidate(first, round: 1, action: "draft")
        var rounds = [Self.record(best)]
        onRound?(rounds[0])
        var tried: Set<String> = [first.text]
        var round = 1
        while !best.passed && round < options.rounds {
            try Task.checkCancellation()
            round += 1
            let step = try await revise(round, best, tried)
            tried.insert(step.piece.text)
            let next = candidate(step.piece, round: round, action: step.action)
            rounds.append(Self.record(next))
            onRound?(rounds[rounds.count - 1])
            if next.isBetter(than: best, minVoiceMatch: options.minVoiceMatch, maxAILikeness: maxAILikeness) { best = next }
        }
        let summary = RefineSummary(minVoiceMatch: options.minVoiceMatch, maxAILikeness: maxAILikeness,
                                    passed: best.passed, keptRound: best.round, rounds: rounds)
        return (best, summary)
    }

    static func record(_ c: RefineCandidate) -> RefineRound {
        RefineRound(round: c.round, voiceMatch: c.scores.voiceMatch, aiLikeness: c.scores.aiLikeness, action: c.action,
                    passed: c.passed, failedChecks: c.piece.checks.filter { !$0.passed }.map(\.name))
    }
}
