import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders

/// What every rewrite of one draft toward one clone shares: the clone's DNA, its judges, the draft's detection
/// and the guidance built from them. `rewrite` (offline or with a provider) and the offline refine loop build it
/// once and measure every candidate against it.
struct RewriteContext: Sendable {
    let clone: String
    let writer: String
    let scorer: VoiceScorer
    let guidance: RewriteGuidance

    /// - Parameter samples: the voice's sample texts, for the contraction habit the DNA records only as a rate.
    init(clone: String, writer: String, dna: VoiceDNA, samples: [String], scorer: VoiceScorer, draft: String) {
        self.clone = clone
        self.writer = writer
        self.scorer = scorer
        let detection = scorer.detect(draft)
        var guidance = RewriteGuidance(dna: dna, style: RewriteStyle(dna: dna, samples: samples), detection: detection,
                                       baseline: scorer.baseline)
        guidance.avoid = scorer.baseline?.avoidList(lexicon: scorer.detector.lexicon)
        self.guidance = guidance
    }
}
