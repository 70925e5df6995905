import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneRewrite

extension GenerationService {
    /// The offline notes engine's first pieces and their refine step: a draft from the notes (or a skeleton without
    /// them), and, with `--refine`, the offline rewrite of the best text (the notes are the content; there is no
    /// other draft to try).
    func notesDrafts(samples: [AnalysisSample], style: StyleTargets, notes: String?, topic: String, platform: Platform,
                     options: GenerateOptions, inspector: PlatformTextChecks, guide: RevisionGuide, lexicon: DetectionLexicon,
                     scorer: VoiceScorer?)
        throws -> (firsts: [GeneratedPiece], revisers: [RefineLoop.Revise]) {
        let drafter = NotesDrafter(samples: samples, style: style)
        let firstSeed = options.seed ?? 0x5EED_2323
        var firsts: [GeneratedPiece] = []
        var revisers: [RefineLoop.Revise] = []
        for i in 0..<options.variants {
            try Task.checkCancellation()
            let request = GenerationRequest(prompt: notes ?? topic, platform: platform, length: options.length,
                                            seed: firstSeed &+ UInt64(i), threadPosts: options.threadPosts)
            // A topic-only skeleton is measured like any other text, so its platform checks are reported too.
            let piece = notes.map { drafter.draft(NotesOutline.parse($0), request: request).piece }
                ?? inspector.inspect(drafter.skeleton(topic: topic, request: request))
            options.onText?(i, piece.text)
            firsts.append(piece)
            revisers.append { _, best, tried in
                LocalReviser.rewrite(best, tried: tried, guide: guide, lexicon: lexicon, inspector: inspector,
                                     scorer: scorer)
                    ?? (best.piece, "no further edit")
            }
        }
        return (firsts, revisers)
    }

    /// The notes rendered plainly, scored by the same judges, for the before/after report.
    func plainNotesScores(_ notes: String, scorer: VoiceScorer) -> PlainNotesScores {
        let plain = NotesDrafter.plainRendering(NotesOutline.parse(notes))
        return PlainNotesScores(voiceMatch: try? scorer.voiceMatch(plain).score, aiLikeness: scorer.detect(plain).score)
    }
}
