/// Anything that can write a piece in a voice: the offline `local` engine today, remote language models later.
///
/// The protocol is deliberately small and provider-agnostic so that the CLI and `VoiceCloneKit` can treat every
/// engine alike: they build one ``GenerationRequest`` and get one ``GeneratedPiece`` back. Providers that stream
/// call `onText` with each new fragment as it arrives; the returned piece always holds the complete, final text.
public protocol GenerationProvider: Sendable {
    /// Stable identifier recorded in provenance, e.g. `local`, `openai`, `anthropic`.
    var name: String { get }
    /// The model identifier recorded in provenance (for the local engine, a description of its n-gram order).
    var model: String { get }

    /// Writes one piece for `request`.
    /// - Parameter onText: called with text fragments as they are produced, in order; may be `nil`.
    func generate(
        _ request: GenerationRequest,
        onText: (@Sendable (String) -> Void)?
    ) async throws -> GeneratedPiece
}
