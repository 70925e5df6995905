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
            let piece = notes.map { guardedDraft(drafter.draft(NotesOutline.parse($0), request: request),
                                                 scorer: scorer, inspector: inspector) }
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

    /// The draft with its shaping edits kept only where the voice match does not fall and AI-likeness does not
    /// rise (``NotesDrafter/guarded(_:scorer:rule:)``); the drafted text when putting edits back would fail a
    /// platform check it passed (a contraction put back can push a post over its limit).
    func guardedDraft(_ draft: NotesDrafter.Draft, scorer: VoiceScorer?, inspector: PlatformTextChecks) -> GeneratedPiece {
        var drafted = draft.piece
        drafted.edits = draft.edits
        guard let scorer else { return drafted }
        let guarded = NotesDrafter.guarded(draft, scorer: scorer)
        guard guarded.piece.text != draft.piece.text else { return drafted }
        let checked = inspector.inspect(guarded.piece)
        let passed = { (p: GeneratedPiece) in p.checks.filter(\.passed).count }
        guard passed(checked) >= passed(inspector.inspect(draft.piece)) else { return drafted }
        // The drafter's own checks stay (its hashtag check follows the writer's habit, the generic one the
        // platform's range); only the ones the text's length decides are measured again on the guarded text.
        var piece = guarded.piece
        piece.edits = guarded.edits
        piece.longestCopiedRun = checked.longestCopiedRun
        for (k, check) in piece.checks.enumerated() where check.name == "max_chars" || check.name == "hook"
            || check.name.hasPrefix("post_") {
            if let fresh = checked.checks.first(where: { $0.name == check.name }) { piece.checks[k] = fresh }
        }
        return piece
    }

    /// The notes rendered plainly, scored by the same judges, for the before/after report.
    func plainNotesScores(_ notes: String, scorer: VoiceScorer) -> PlainNotesScores {
        let plain = NotesDrafter.plainRendering(NotesOutline.parse(notes))
        return PlainNotesScores(voiceMatch: try? scorer.voiceMatch(plain).score, aiLikeness: scorer.detect(plain).score)
    }
}
