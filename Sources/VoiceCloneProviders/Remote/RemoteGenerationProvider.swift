import VoiceCloneGeneration
/// A provider that sends the request to a language-model API, and can show that request instead (`--dry-run`).
public protocol RemoteGenerationProvider: GenerationProvider {
    var settings: RemoteProviderSettings { get }

    /// The exact HTTP request `generate` would send, with the key replaced by `[redacted]`.
    /// - Parameter streaming: whether the request asks for server-sent events.
    func preparedRequest(for request: GenerationRequest, streaming: Bool) throws -> PreparedRequest
}

extension ProviderKind {
    /// The provider for these settings; `nil` for `local`, which needs samples rather than an endpoint.
    public static func remoteProvider(_ settings: RemoteProviderSettings) -> (any RemoteGenerationProvider)? {
        switch settings.kind {
        case .local: nil
        case .openai, .openAICompatible: OpenAIProvider(settings: settings)
        case .anthropic: AnthropicProvider(settings: settings)
        }
    }
}
