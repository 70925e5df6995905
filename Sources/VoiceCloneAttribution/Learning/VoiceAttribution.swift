import VoiceCloneText
import Foundation

/// Attribution as `attribute` runs it: the learned model when every voice has enough text (Cosine Delta
/// otherwise, or when asked for), then the open-set check: when the best voice's verification probability is
/// below `openSetThreshold`, the answer is "none of these voices".
public enum VoiceAttribution {
    /// The default open-set threshold on the best voice's verification probability.
    public static let defaultOpenSetThreshold = 0.25

    public static func attribute(
        _ texts: [String], candidates: [AttributionCandidate], method: AttributionMethod = .learned, top: Int? = nil,
        openSetThreshold: Double? = defaultOpenSetThreshold, settings: AttributionSettings = .standard,
        background: VerificationBackground? = VerificationBackground.shipped
    ) throws -> [Attribution] {
        guard !texts.isEmpty else { return [] }
        // Each text is read once, with its word sequence, for the length, the learned model and the open-set check.
        let features = ParallelMap.map(texts.count) { TextFeatures.whole(texts[$0], keepSequence: openSetThreshold != nil) }
        let lengths = features.map(\.words).sorted()
        let median = lengths[lengths.count / 2]
        var results: [Attribution]
        if method == .learned && LearnedAttributor.canTrain(candidates, textWords: median) {
            let attributor = try LearnedAttributor(candidates: candidates, textWords: median)
            results = ParallelMap.map(texts.count) { attributor.attribute(features: features[$0]) }
        } else {
            results = try Attributor(candidates: candidates, settings: settings).attribute(texts, top: nil)
            if method == .learned {
                for i in results.indices { results[i].warnings.append(.learnedModelSkipped) }
            }
        }
        if let threshold = openSetThreshold, let verifier = try? VoiceVerifier(candidates: candidates, textWords: median, background: background) {
            let bests = results.map(\.best)
            let verdicts = ParallelMap.map(texts.count) { i -> OpenSetVerdict? in
                guard let index = verifier.candidateNames.firstIndex(of: bests[i]) else { return nil }
                let verification = verifier.verify(features[i], voice: index)
                return OpenSetVerdict(sameWriterProbability: verification.probability, threshold: threshold)
            }
            for i in results.indices { results[i].openSet = verdicts[i] }
        }
        if let top {
            for i in results.indices { results[i].ranking = Array(results[i].ranking.prefix(max(1, top))) }
        }
        return results
    }
}
