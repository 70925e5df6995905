import Foundation
import VoiceCloneAnalysis

/// `analyze --with-llm`: the measured DNA plus a language model's qualitative reading of the voice.
extension DNAService {
    /// Analyses the clone, asks the configured provider for tone, attitude, themes and do's and don'ts (with quoted
    /// evidence), and stores them in the DNA's `qualitative` section. The measured sections are exactly what a plain
    /// `analyze` writes; only the qualitative section differs, so a new revision is written when it changes.
    ///
    /// A paid request is not repeated for nothing: when the latest reading came from the same request (same samples
    /// sent to the same model at the same endpoint; `requestDigest`), it is kept and nothing is sent, unless
    /// `describe.refresh` asks for a new one. `llmRequest` in the result says which happened.
    public func analyzeWithLLM(_ clone: String, options: AnalyzeOptions = .init(), describe: DescribeVoiceOptions) async throws -> DNAStoreResult {
        let record = try index.requireClone(clone)
        var describe = describe
        describe.clone = record.slug
        let request = try session.generation.prepareVoiceDescription(describe)
        let latest = try record.latestDNAVersion.map { try readDNA(slug: record.slug, version: $0) }
        let qualitative: QualitativeProfile
        let outcome: DNAStoreResult.LLMRequest
        if !describe.refresh, let kept = latest?.qualitative, kept.requestDigest == request.digest {
            qualitative = kept
            outcome = .skipped
        } else {
            qualitative = redactingSecrets(try await session.generation.describeVoice(request))
            outcome = .sent
        }
        var dna = try VoiceAnalyzer().analyze(try analysisSamples(of: record.slug), includeAIAssisted: options.includeAIAssisted)
        dna.qualitative = qualitative
        var result = try store(dna, for: record.slug,
                                  message: "\(record.slug): DNA with a qualitative reading by \(qualitative.provider) \(qualitative.model)")
        result.llmRequest = outcome
        // Said whether or not the request went out: the key settings are the user's to fix either way.
        result.warnings.insert(contentsOf: request.warnings, at: 0)
        return result
    }
}
