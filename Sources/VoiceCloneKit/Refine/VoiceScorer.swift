import VoiceCloneAnalysis
import VoiceCloneAttribution
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneText

/// One voice's two judges, built once and asked many times: how much a text sounds like the voice (the score
/// `match` reports, with the vault's other voices as impostors) and how machine-written it reads (the detector,
/// judged against the writer's own habits).
///
/// `match`, `generate`, `rewrite` and `generate --refine` all score through this type, so the same text gets the
/// same number whichever command a writer runs. Building it is the expensive part (every voice's profile, every
/// sample's signals); scoring a text afterwards is cheap.
public struct VoiceScorer: Sendable {
    /// The clone's slug.
    public let clone: String
    /// The name used in plain-language differences ("Wren's sentences are shorter").
    public let writerName: String
    let matcher: Result<VoiceMatcher, any Error>
    /// The clone and its rival voices, or `nil` when the vault has no other voice.
    let impostors: Attributor?
    /// The voice's measured profile, for differences in words; `nil` without a DNA.
    let profile: TextProfile?
    public let detector: Detector
    public let baseline: DetectionBaseline?
    /// Calibrated verification against the vault's voices and the shipped background; `nil` falls back to the
    /// older distance score.
    let verifiers: VoiceVerifierCache?

    init(clone: String, writerName: String, matcher: Result<VoiceMatcher, any Error>, impostors: Attributor?,
         profile: TextProfile?, detector: Detector, baseline: DetectionBaseline?, verifiers: VoiceVerifierCache? = nil) {
        self.verifiers = verifiers
        self.clone = clone
        self.writerName = writerName
        self.matcher = matcher
        self.impostors = impostors
        self.profile = profile
        self.detector = detector
        self.baseline = baseline
    }

    /// The voice match `match`, `generate`, `rewrite` and the refine loop report: the calibrated probability that
    /// the voice's writer wrote the text (`VoiceVerifier`: the vault's other voices and a public-domain background
    /// as impostors, word order included), as a percentage, with the feature deviations behind it.
    /// Without a verifier (no background), the older score: the distance curve averaged with how strongly the
    /// voice beats the vault's other voices.
    /// - Throws: the matcher's error when the voice has too little text to score against.
    public func voiceMatch(_ text: String) throws -> VoiceMatch {
        var result = try matcher.get().match(text)
        if let verifiers, let verification = try? verifiers.verify(text, clone: clone) {
            result = result.verified(by: verification, words: WordCount.count(text))
        } else if let impostors {
            let p = impostors.attribute(text).ranking.first { $0.clone == clone }?.probability ?? 0
            let relative = min(1, p * Double(impostors.candidateNames.count) / 2)
            result.score = Int((0.5 * Double(result.score) + 50 * relative).rounded())
        }
        return result
    }

    /// The traits on which `text` differs most from the voice's DNA, in words, largest first; empty without a DNA.
    public func differences(_ text: String, limit: Int = 6) -> [String] {
        guard let profile else { return [] }
        let stats = VoiceAnalyzer().stats(of: text)
        return TraitCatalog.deviations(of: stats, from: profile, writerName: writerName).prefix(limit).map(\.description)
    }

    /// AI-likeness judged against the writer's own habits.
    public func detect(_ text: String, threshold: Int? = nil) -> DetectionResult {
        detector.detect(text, baseline: baseline, threshold: threshold)
    }

    /// Both scores and the evidence behind them, as the refine loop and `generate --json` use them.
    public func scores(_ text: String) -> DraftScores {
        let match = try? voiceMatch(text)
        let detection = detect(text)
        return DraftScores(voiceMatch: match?.score, aiLikeness: detection.score, detection: detection,
                           differences: differences(text))
    }
}

/// The rewrite's edit guard asks the same judges `rewrite` reports: the verification probability in points (not
/// rounded, so a fraction of a point is seen) and AI-likeness.
extension VoiceScorer: EditScoring {
    public func editScore(_ text: String) -> EditScore {
        var voice: Double?
        var band: Double?
        if (try? matcher.get()) != nil, let verifiers, let verification = try? verifiers.verify(text, clone: clone) {
            voice = verification.probability * 100
            band = (verification.band.upper - verification.band.lower) * 100
        } else {
            voice = (try? voiceMatch(text)).map { Double($0.score) }
        }
        let detection = detect(text)
        let aiBand = detection.verdictWithheld ? detection.band.map { Double($0.high - $0.low) } : nil
        return EditScore(voiceMatch: voice, aiLikeness: Double(detection.score), voiceBand: band, aiBand: aiBand)
    }
}
