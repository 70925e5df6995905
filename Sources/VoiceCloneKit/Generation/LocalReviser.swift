import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

/// A refine round offline. The offline engine cannot follow instructions, so feedback becomes edits: first the
/// offline rewrite (``LocalRewriter``) of the best text toward the DNA, guided by that text's flagged sentences;
/// when that changes nothing new (the text already follows every habit the rewrite knows, that rewrite was already
/// scored, or there is no DNA), a fresh draft with another seed. Seeds are derived from the variant's seed, so `--seed` reproduces every round.
struct LocalReviser: Sendable {
    let engine: LocalEngine
    /// The variant's first request.
    let request: GenerationRequest
    let guide: RevisionGuide
    let inspector: PlatformTextChecks
    let lexicon: DetectionLexicon
    /// The judges the rewrite asks before keeping a sentence's edits (``EditGuard``).
    let scorer: VoiceScorer?
    /// The run's first seed, the variant's index and how many variants there are: round r of variant i re-drafts
    /// with `seed + variants × (r − 1) + i`, which no other round or variant uses.
    let firstSeed: UInt64
    let variant: Int
    let variants: Int

    func revise(round: Int, best: RefineCandidate, tried: Set<String>) async throws -> (piece: GeneratedPiece, action: String) {
        if let rewritten = Self.rewrite(best, tried: tried, guide: guide, lexicon: lexicon, inspector: inspector,
                                        scorer: scorer) {
            return rewritten
        }
        let seed = firstSeed &+ UInt64(variants * (round - 1) + variant)
        var next = request
        next.seed = seed
        return (try await engine.generate(next, onText: nil), "redraft seed \(seed)")
    }

    /// The offline rewrite of the best text toward the voice, guided by its flagged sentences; nil when the guide has
    /// nothing to ask or the result was already tried. Shared by this reviser and the notes engine's refine step.
    static func rewrite(_ best: RefineCandidate, tried: Set<String>, guide: RevisionGuide, lexicon: DetectionLexicon,
                        inspector: PlatformTextChecks, scorer: VoiceScorer?) -> (piece: GeneratedPiece, action: String)? {
        guard let guidance = guide.guidance(for: best) else { return nil }
        let (text, edits, log) = LocalRewriter(lexicon: lexicon, scorer: scorer).rewriteWithEdits(best.piece.text, guidance: guidance)
        guard !tried.contains(text) else { return nil }
        var piece = best.piece
        piece.text = text
        // The drafter's edits stand under the rewrite's, which come after them in the text's history.
        piece.edits += log
        let count = edits.values.reduce(0, +)
        return (inspector.inspect(piece), "rewrite (\(count) edit\(count == 1 ? "" : "s"))")
    }
}
