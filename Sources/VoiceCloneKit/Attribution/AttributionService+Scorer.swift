import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneAttribution
import VoiceCloneDetection

extension AttributionService {
    /// The scorer for one clone: its voice samples (a merged clone's are its sources', drawn by weight), the
    /// vault's other plain voices as impostors (a blend's own sources are not its impostors), and a detection
    /// baseline from the same samples and DNA.
    /// - Parameter dna: the DNA to judge against; `nil` loads the latest stored one (if the clone has any).
    public func voiceScorer(clone: String, dna: VoiceDNA? = nil, settings: AttributionSettings = .standard) throws -> VoiceScorer {
        let record = try index.requireClone(clone)
        let texts = try session.samples.voiceSamples(of: record.slug).map(\.text)
        // Every sample is scanned once and shared by the matcher and the impostor attributor.
        let own = ScannedCandidate(name: record.slug, texts: ScannedText.scan(texts, settings: settings))
        let matcher = Result<VoiceMatcher, any Error> { try VoiceMatcher(scanned: own, settings: settings) }
        let sources = Set((try session.merges.sources(of: record.slug) ?? []).map(\.clone))
        let others = index.clones.filter {
            $0.slug != record.slug && !$0.samples.isEmpty && $0.manifest.merge == nil && !sources.contains($0.slug)
        }.map(\.slug)
        let rivals = try attributionCandidates(others)
        let impostors = others.isEmpty ? nil : try? Attributor(
            scanned: [own] + rivals.map { ScannedCandidate($0, settings: settings) }, settings: settings)
        // In the vault's order, as `attribute` lists them: the same voices in the same order train the same model
        // and calibration, so `match` and `attribute` give one answer for one text.
        let order = Dictionary(uniqueKeysWithValues: index.clones.enumerated().map { ($1.slug, $0) })
        let verifiers = VoiceVerifierCache(candidates: ([AttributionCandidate(name: record.slug, texts: texts)] + rivals)
            .sorted { (order[$0.name] ?? Int.max, $0.name) < (order[$1.name] ?? Int.max, $1.name) })
        let voice = try dna ?? (record.dnaVersions.isEmpty ? nil : session.dna.load(of: record.slug))
        let detector = try session.detection.detector()
        let baseline = texts.isEmpty && voice == nil ? nil
            : DetectionBaseline(clone: record.slug, samples: texts, detector: detector, dna: voice)
        let writer = record.name.split(separator: " ").first.map(String.init) ?? record.name
        return VoiceScorer(clone: record.slug, writerName: writer, matcher: matcher, impostors: impostors,
                           profile: voice?.profile, detector: detector, baseline: baseline, verifiers: verifiers)
    }
}
