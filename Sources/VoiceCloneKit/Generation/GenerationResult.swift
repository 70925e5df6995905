import VoiceCloneGeneration

/// One generated piece with what `--json` reports about it.
public struct GenerationResult: Encodable, Sendable {
    /// 1-based, in the order the variants were written.
    public var variant: Int
    public var clone: String
    public var piece: GeneratedPiece
    /// The DNA revision the piece was written from; `nil` when the clone has not been analysed.
    public var dnaVersion: Int?
    /// 0–100 match to the clone's voice, measured on the final text.
    public var voiceMatch: Int?
    /// 0–100 AI-likeness of the final text, judged against the clone's own writing.
    public var aiLikeness: Int?
    /// With `--refine`: the aims, every round's scores and which round's text was kept.
    public var refine: RefineSummary?
    /// The library entry, when `--save` wrote one.
    public var saved: LibraryEntry?
    /// Offline notes drafts: the same judges' scores for the notes rendered plainly (the "before").
    public var plainNotes: PlainNotesScores?
    /// What the one automatic shortening request did, when the model's first answer broke a hard limit.
    public var shortened: ShorteningRecord?
    /// The hard character limits the final text still breaks, in words; empty when it fits.
    public var limitBreaches: [String] = []
    /// The writer's samples the prompt showed whole as examples (empty for the offline engine).
    public var exemplarSampleIDs: [String] = []

    /// Whether the final text breaks a hard character limit (it is then not saved unless allowed, and
    /// `generate` exits 1).
    public var overLimit: Bool { !limitBreaches.isEmpty }

    enum CodingKeys: String, CodingKey {
        case variant, clone, text, provider, model, platform, checks, warnings, seed, saved
        case dnaVersion = "dna_version"
        case longestCopiedRun = "longest_copied_run"
        case voiceMatch = "voice_match"
        /// The same verification probability as `voice_match`, as 0–1; `voice_match` stays for one release.
        case sameWriterProbability = "same_writer_probability"
        case aiLikeness = "ai_likeness"
        case before
        case rounds, refine, shortened
        case overLimit = "over_limit"
        case limitBreaches = "limit_breaches"
        case exemplarSampleIDs = "exemplar_sample_ids"
        /// The offline notes drafter's edits with their reasons (`GeneratedPiece.edits`); empty for other engines.
        case edits
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(variant, forKey: .variant)
        try c.encode(clone, forKey: .clone)
        try c.encode(piece.text, forKey: .text)
        try c.encode(piece.provider, forKey: .provider)
        try c.encode(piece.model, forKey: .model)
        try c.encode(dnaVersion, forKey: .dnaVersion)
        try c.encode(piece.platform, forKey: .platform)
        try c.encode(piece.checks, forKey: .checks)
        try c.encode(piece.longestCopiedRun, forKey: .longestCopiedRun)
        try c.encode(voiceMatch, forKey: .voiceMatch)
        try c.encodeIfPresent(voiceMatch.map { Double($0) / 100 }, forKey: .sameWriterProbability)
        try c.encode(aiLikeness, forKey: .aiLikeness)
        // Without --refine both are null (the --json rule: every documented key, null when it does not apply).
        try c.encodeIfPresent(refine?.rounds, forKey: .rounds)
        try c.encodeIfPresent(refine, forKey: .refine)
        try c.encode(piece.warnings, forKey: .warnings)
        try c.encode(piece.seed, forKey: .seed)
        try c.encodeIfPresent(saved, forKey: .saved)
        try c.encodeIfPresent(plainNotes, forKey: .before)
        try c.encode(shortened, forKey: .shortened)
        try c.encode(overLimit, forKey: .overLimit)
        try c.encode(limitBreaches, forKey: .limitBreaches)
        try c.encode(exemplarSampleIDs, forKey: .exemplarSampleIDs)
        try c.encode(piece.edits, forKey: .edits)
    }
}
