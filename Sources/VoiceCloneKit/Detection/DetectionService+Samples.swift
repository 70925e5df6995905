import VoiceCloneVault

/// Sample hygiene: which samples are marked as AI-assisted, and which look machine-written without the mark.
extension DetectionService {
    /// Samples marked `ai_assisted: true`, of one clone or of all, in clone then id order.
    public func aiAssistedSamples(clone: String? = nil) throws -> [SampleSummary] {
        let records = try clone.map { [try index.requireClone($0)] } ?? index.clones
        return records.flatMap { $0.samples.filter(\.metadata.aiAssisted).sorted { $0.id < $1.id }.map(SampleSummary.init) }
    }

    /// For `check --samples`: samples not marked `ai_assisted` whose AI-likeness reaches the threshold.
    /// Judged without a baseline on purpose: the clone's baseline would include the suspect sample itself.
    public func sampleWarnings(clone: String? = nil, threshold: Int? = nil) throws -> [SampleAIWarning] {
        try DetectionService.validate(threshold: threshold)
        let detector = try self.detector()
        let records = try clone.map { [try index.requireClone($0)] } ?? index.clones
        var warnings: [SampleAIWarning] = []
        for record in records {
            let samples = try session.dna.analysisSamples(of: record.slug).filter { !$0.aiAssisted }
            let results = detector.detect(samples.map(\.text), threshold: threshold)
            for (sample, result) in zip(samples, results) where result.likelyAI {
                let path = record.samples.first { $0.id == sample.id }?.path ?? sample.id
                let reasons = result.signals.sorted { $0.contribution > $1.contribution }.prefix(3)
                    .filter { $0.contribution > 0.2 }.map { "\($0.description) \($0.value)" }
                warnings.append(SampleAIWarning(clone: record.slug, sample: sample.id, path: path, score: result.score,
                                                threshold: result.threshold, reasons: reasons))
            }
        }
        return warnings
    }
}
