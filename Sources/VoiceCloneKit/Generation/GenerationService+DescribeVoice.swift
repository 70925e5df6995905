import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneVault

extension GenerationService {
    /// Asks a language model for the qualitative side of a voice (tone, attitude, themes, do's and don'ts, with
    /// quotations checked against the samples). Nothing is written: the caller stores the profile in the DNA's
    /// `qualitative` section (which `sameAnalysis(as:)` ignores, so the deterministic part is unchanged). The key
    /// warnings of the request (a withheld key, cleartext http) reach the user through `analyzeWithLLM`'s result.
    public func describeVoice(_ options: DescribeVoiceOptions) async throws -> QualitativeProfile {
        try await describeVoice(prepareVoiceDescription(options))
    }

    /// The request `describeVoice` would send, with its digest; nothing is sent.
    func prepareVoiceDescription(_ options: DescribeVoiceOptions) throws -> VoiceDescriptionRequest {
        let record = try index.requireClone(options.clone)
        let name = options.provider ?? config.defaultProvider
        guard let kind = ProviderKind(loose: name) else { throw GenerationError.unknownProvider(name) }
        guard kind.isRemote else {
            throw ProviderError.invalidOption(
                provider: kind.rawValue, detail: "describing a voice needs a language model; pass --provider openai, "
                    + "anthropic or openai-compatible")
        }
        let samples = try session.dna.analysisSamples(of: record.slug).filter { !$0.aiAssisted }
        guard !samples.isEmpty else { throw GenerationError.noSamples(clone: record.name) }
        var warnings: [String] = []
        let settings = try remoteSettings(kind: kind, model: options.model, baseURL: options.baseURL, requireKey: true,
                                          retry: options.retry, warnings: &warnings)
        let messages = try VoiceDescriptionPrompt(writer: record.name, samples: samples, wordBudget: options.wordBudget)
            .messages()
        return VoiceDescriptionRequest(settings: settings, messages: messages, samples: samples, warnings: warnings)
    }

    func describeVoice(_ request: VoiceDescriptionRequest) async throws -> QualitativeProfile {
        guard let provider = ProviderKind.remoteProvider(request.settings) else {
            throw GenerationError.unknownProvider(request.settings.kind.rawValue)
        }
        let piece = try await provider.generate(
            GenerationRequest(messages: request.messages, platform: .generic, length: .words(500), temperature: 0.2),
            onText: nil)
        var profile = try QualitativeParser.parse(piece.text, provider: piece.provider, model: piece.model, samples: request.samples)
        profile.requestDigest = request.digest
        return profile
    }
}

/// One `analyze --with-llm` request, ready to send.
struct VoiceDescriptionRequest {
    var settings: RemoteProviderSettings
    var messages: [GenerationMessage]
    var samples: [AnalysisSample]
    /// What the user should know about the key for this request; not part of `digest`.
    var warnings: [String]

    /// What decides the answer: provider, model, endpoint and every message (the samples are in them). The key is not
    /// part of it, so it never reaches the DNA even as a hash.
    var digest: String {
        var text = "\(settings.kind.rawValue)\n\(settings.model)\n\(settings.baseURL)\n"
        for message in messages { text += "\(message.role.rawValue)\n\(message.content)\n\u{1E}\n" }
        return ContentHash.hex(of: text)
    }
}
