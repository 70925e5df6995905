import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration
import VoiceCloneProviders

extension Workspace {
    /// Asks a language model for the qualitative side of a voice (tone, attitude, themes, do's and don'ts, with
    /// quotations checked against the samples). Nothing is written: the caller stores the profile in the DNA's
    /// `qualitative` section (which `sameAnalysis(as:)` ignores, so the deterministic part is unchanged).
    public func describeVoice(_ options: DescribeVoiceOptions) async throws -> QualitativeProfile {
        let record = try index.requireClone(options.clone)
        let name = options.provider ?? config.defaultProvider
        guard let kind = ProviderKind(loose: name) else { throw GenerationError.unknownProvider(name) }
        guard kind.isRemote else {
            throw ProviderError.invalidOption(
                provider: kind.rawValue, detail: "describing a voice needs a language model; pass --provider openai, "
                    + "anthropic or openai-compatible")
        }
        let samples = try analysisSamples(of: record.slug).filter { !$0.aiAssisted }
        guard !samples.isEmpty else { throw GenerationError.noSamples(clone: record.name) }
        let settings = try remoteSettings(kind: kind, model: options.model, baseURL: options.baseURL, requireKey: true,
                                          retry: options.retry)
        guard let provider = ProviderKind.remoteProvider(settings) else { throw GenerationError.unknownProvider(name) }
        let messages = try VoiceDescriptionPrompt(writer: record.name, samples: samples, wordBudget: options.wordBudget)
            .messages()
        let piece = try await provider.generate(
            GenerationRequest(messages: messages, platform: .generic, length: .words(500), temperature: 0.2),
            onText: nil)
        return try QualitativeParser.parse(piece.text, provider: piece.provider, model: piece.model, samples: samples)
    }
}
