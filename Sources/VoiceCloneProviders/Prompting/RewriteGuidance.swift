import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration

/// What a rewrite aims at: the writer's DNA and habits, and the detector's findings on the draft.
public struct RewriteGuidance: Sendable {
    public var dna: VoiceDNA
    public var style: RewriteStyle
    /// The draft's detection, judged against the writer (its flags say which sentences to fix and how).
    public var detection: DetectionResult
    /// The writer's own habits: listed phrases they use are not "fixed" away.
    public var baseline: DetectionBaseline?
    /// What the writer is told to avoid (the same list the generation prompt gives); `nil` builds it from the
    /// bundled lists and `baseline`.
    public var avoid: AvoidList?

    public init(dna: VoiceDNA, style: RewriteStyle, detection: DetectionResult, baseline: DetectionBaseline? = nil) {
        self.dna = dna
        self.style = style
        self.detection = detection
        self.baseline = baseline
    }
}
