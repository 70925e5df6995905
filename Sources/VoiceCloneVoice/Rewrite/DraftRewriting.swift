import VoiceCloneAnalysis

/// Something that rewrites a draft toward a voice: the offline `LocalRewriter`, or a language-model rewriter that
/// turns the same guidance into instructions. Callers (Kit's `rewrite`) measure the result the same way for both:
/// AI-likeness and voice match before and after, content-word recall, and a sentence diff.
public protocol DraftRewriting: Sendable {
    func rewrite(_ draft: String, guidance: RewriteGuidance) throws -> String
}

/// What a rewrite aims at: the writer's DNA and habits, and the detector's findings on the draft.
public struct RewriteGuidance: Sendable {
    public var dna: VoiceDNA
    public var style: RewriteStyle
    /// The draft's detection, judged against the writer (its flags say which sentences to fix and how).
    public var detection: DetectionResult
    /// The writer's own habits: listed phrases they use are not "fixed" away.
    public var baseline: DetectionBaseline?

    public init(dna: VoiceDNA, style: RewriteStyle, detection: DetectionResult, baseline: DetectionBaseline? = nil) {
        self.dna = dna
        self.style = style
        self.detection = detection
        self.baseline = baseline
    }
}
