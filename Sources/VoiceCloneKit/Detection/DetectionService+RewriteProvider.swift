import Foundation
import VoiceCloneProviders
import VoiceCloneRewrite
import VoiceCloneVault

/// `rewrite --provider`: a language model rewrites the draft with DNA-grounded instructions; the answer is
/// measured like the offline rewrite and refused when it drops content.
extension DetectionService {
    /// Rewrites `text` toward `clone` with a remote provider.
    /// - Parameters:
    ///   - provider: `openai`, `anthropic` or `openai-compatible`; `nil` takes the vault's `default_provider`.
    ///   - model, baseURL: override the provider's defaults (as `generate` does).
    /// - Throws: ``ContentLossError`` when the answer keeps less than 95% of the draft's content words; provider
    ///   errors (no key, 401, unknown model, timeouts) as ``ProviderError``.
    public func rewrite(clone: String, text: NamedText, provider: String?, model: String? = nil, baseURL: String? = nil,
                        temperature: Double? = nil, retry: RetryPolicy = .standard) async throws -> RewriteReport {
        let name = provider ?? config.defaultProvider
        guard let kind = ProviderKind(loose: name) else { throw GenerationError.unknownProvider(name) }
        guard kind.isRemote else { return try rewrite(clone: clone, text: text) }
        let context = try rewriteContext(clone: clone, text: text)
        var keyWarnings: [String] = []
        let settings = try remoteSettings(kind: kind, model: model, baseURL: baseURL, requireKey: true, retry: retry,
                                          warnings: &keyWarnings)
        guard let remote = ProviderKind.remoteProvider(settings) else { throw GenerationError.unknownProvider(name) }
        let rewriter = ProviderRewriter(provider: remote, temperature: temperature)
        let rewritten = try await rewriter.rewrite(text.text, guidance: context.guidance, writer: context.writer)
        var report = try rewriteReport(context, draft: text, rewritten: rewritten, edits: [:], engine: remote.name,
                                       refuseContentLoss: true)
        report.warnings.insert(contentsOf: keyWarnings, at: 0)
        return report
    }

    /// Reads a file (or `-`) and rewrites it with a remote provider.
    public func rewrite(clone: String, input: String, provider: String?, model: String? = nil, baseURL: String? = nil,
                        temperature: Double? = nil, retry: RetryPolicy = .standard,
                        standardInput: () -> Data = { BoundedInput.standardInputOrOversize() }) async throws -> RewriteReport {
        let text = try InputText.read(input, standardInput: standardInput)
        return try await rewrite(clone: clone, text: text, provider: provider, model: model, baseURL: baseURL,
                                 temperature: temperature, retry: retry)
    }
}
