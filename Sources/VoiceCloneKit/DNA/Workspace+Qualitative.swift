import Foundation
import VoiceCloneAnalysis

/// `analyze --with-llm`: the measured DNA plus a language model's qualitative reading of the voice.
extension Workspace {
    /// Analyses the clone, asks the configured provider for tone, attitude, themes and do's and don'ts (with quoted
    /// evidence), and stores them in the DNA's `qualitative` section. The measured sections are exactly what a plain
    /// `analyze` writes; only the qualitative section differs, so a new revision is written when it changes.
    public func analyzeWithLLM(_ clone: String, options: AnalyzeOptions = .init(), describe: DescribeVoiceOptions) async throws -> DNAStoreResult {
        let record = try index.requireClone(clone)
        let qualitative = redactingSecrets(try await describeVoice(describe))
        var dna = try VoiceAnalyzer().analyze(try analysisSamples(of: record.slug), background: try backgroundSamples(excluding: record.slug),
                                              includeAIAssisted: options.includeAIAssisted)
        dna.qualitative = qualitative
        return try storeDNA(dna, for: record.slug,
                            message: "\(record.slug): DNA with a qualitative reading by \(qualitative.provider) \(qualitative.model)")
    }
}
