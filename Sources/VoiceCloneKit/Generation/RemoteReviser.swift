import VoiceCloneGeneration
import VoiceCloneProviders

/// A refine round with a language model: the first request's conversation, the best draft so far as the
/// model's answer, and a follow-up message with the scores, the flagged sentences (reasons and suggestions), the
/// largest voice differences in words and the DNA-grounded instructions (``RefineFeedback``).
struct RemoteReviser: Sendable {
    let provider: any RemoteGenerationProvider
    /// The variant's first request; every follow-up keeps its platform, length, temperature and seed.
    let request: GenerationRequest
    let guide: RevisionGuide
    let inspector: PlatformTextChecks

    /// The follow-up request for `best`.
    func followUp(for best: RefineCandidate) throws -> GenerationRequest {
        let feedback = RefineFeedback(
            writer: guide.writer, voiceMatch: best.scores.voiceMatch, aiLikeness: best.scores.aiLikeness,
            minVoiceMatch: guide.minVoiceMatch, maxAILikeness: guide.maxAILikeness,
            differences: best.scores.differences,
            failedChecks: best.piece.checks.filter { !$0.passed }.map { "\($0.name): \($0.detail)" },
            detection: best.scores.detection,
            guidance: guide.guidance(for: best), platform: request.platform, length: request.length,
            threadPosts: request.threadPosts)
        var next = request
        next.messages = try feedback.messages(after: request.messages, draft: best.piece.text)
        return next
    }

    func revise(round: Int, best: RefineCandidate, tried: Set<String>) async throws -> (piece: GeneratedPiece, action: String) {
        let piece = try await provider.generate(try followUp(for: best), onText: nil)
        return (inspector.inspect(piece), "revise")
    }
}
