import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneProviders

/// What both revisers need to turn a candidate's scores into a revision: the writer's DNA and habits, the
/// detection baseline, and the loop's aims.
struct RevisionGuide: Sendable {
    let writer: String
    /// `nil` for a clone too thin to measure: there is then no DNA to rewrite toward.
    let dna: VoiceDNA?
    let style: RewriteStyle?
    let baseline: DetectionBaseline?
    let minVoiceMatch: Int
    let maxAILikeness: Int
    /// The writer's avoid-list, the same the first prompt gave.
    var avoid: AvoidList?

    init(writer: String, dna: VoiceDNA?, samples: [String], baseline: DetectionBaseline?, minVoiceMatch: Int,
         maxAILikeness: Int) {
        self.writer = writer
        self.dna = dna
        style = dna.map { RewriteStyle(dna: $0, samples: samples) }
        self.baseline = baseline
        self.minVoiceMatch = minVoiceMatch
        self.maxAILikeness = maxAILikeness
    }

    /// The rewrite guidance for a candidate: its own flagged sentences against the writer's habits.
    func guidance(for candidate: RefineCandidate) -> RewriteGuidance? {
        guard let dna, let style else { return nil }
        var guidance = RewriteGuidance(dna: dna, style: style, detection: candidate.scores.detection, baseline: baseline)
        guidance.avoid = avoid
        return guidance
    }
}
