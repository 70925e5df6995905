import Foundation
import VoiceCloneGeneration

/// Shapes a model's raw answer into a ``GeneratedPiece``: tidies wrappers models add, refuses an empty
/// answer, reports stop reasons that matter, and measures the platform's rules.
enum RemotePieceBuilder {
    static func piece(
        from reply: RemoteReply, request: GenerationRequest, provider: String, settings: RemoteProviderSettings,
        warnings: [String]
    ) throws -> GeneratedPiece {
        let text = tidy(reply.text)
        let model = reply.model.flatMap { $0.isEmpty ? nil : $0 } ?? settings.model
        guard !text.isEmpty else {
            throw ProviderError.emptyResponse(provider: provider, model: model, reason: reply.stopReason)
        }
        var warnings = warnings
        switch reply.stopReason {
        case "length", "max_tokens":
            warnings.append("The model stopped at the token limit; the piece may end mid-sentence. Ask for fewer words.")
        case "content_filter", "refusal":
            warnings.append("The provider's content filter stopped the answer (\(reply.stopReason ?? "")).")
        default: break
        }
        var piece = GeneratedPiece(
            text: text, provider: provider, model: model, platform: request.platform.name, warnings: warnings,
            seed: request.seed)
        piece.checks = PlatformTextChecks.checks(
            text: text, platform: request.platform, length: request.length, threadPosts: request.threadPosts)
        return piece
    }

    /// Strips what chat models wrap around an answer: surrounding whitespace and a Markdown code fence.
    static func tidy(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("```"), text.hasSuffix("```"), text.count > 6 {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count >= 3 {
                lines.removeFirst()
                lines.removeLast()
                text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return text
    }
}
