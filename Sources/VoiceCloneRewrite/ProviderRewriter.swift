import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration
import VoiceCloneProviders
import VoiceCloneText

/// `rewrite --provider`: a language model rewrites a draft toward a writer, told exactly what to change by the
/// same `RewriteGuidance` the offline rewrite follows (the writer's measured habits, the flagged sentences with
/// their reasons and suggestions). The wording lives in `Resources/prompts/rewrite-system.md` and
/// `rewrite-user.md`.
///
/// It is async, unlike ``DraftRewriting``: a model answer takes seconds to minutes and must stay cancellable
/// (Ctrl-C), so it is awaited rather than blocked on. Kit's `rewrite(clone:text:provider:…)` measures the answer
/// exactly as it measures the offline rewrite, and refuses it when it dropped content.
public struct ProviderRewriter: Sendable {
    public let provider: any RemoteGenerationProvider
    public var temperature: Double?

    public init(provider: any RemoteGenerationProvider, temperature: Double? = nil) {
        self.provider = provider
        self.temperature = temperature
    }

    /// The system message (instructions) and user message (the draft).
    public func messages(draft: String, guidance: RewriteGuidance, writer: String) throws -> [GenerationMessage] {
        let system = try PromptResources.template("rewrite-system.md").render(
            ["writer": writer, "instructions": guidance.instructions()], name: "rewrite-system.md")
        let user = try PromptResources.template("rewrite-user.md").render(
            ["words": NumberText.grouped(WordCount.count(draft)), "draft": draft.trimmingCharacters(in: .whitespacesAndNewlines)],
            name: "rewrite-user.md")
        return [
            GenerationMessage(role: .system, content: system.trimmingCharacters(in: .whitespacesAndNewlines)),
            GenerationMessage(role: .user, content: user.trimmingCharacters(in: .whitespacesAndNewlines)),
        ]
    }

    /// The request: room for a little more than the draft's length, so the answer is never cut by the token cap.
    public func request(draft: String, guidance: RewriteGuidance, writer: String) throws -> GenerationRequest {
        let words = WordCount.count(draft)
        return GenerationRequest(messages: try messages(draft: draft, guidance: guidance, writer: writer),
                                 platform: .generic, length: .words(max(50, words * 6 / 5)), temperature: temperature)
    }

    /// The model's rewrite, with a chatty preface ("Here is the rewritten draft:") removed.
    public func rewrite(_ draft: String, guidance: RewriteGuidance, writer: String) async throws -> String {
        let piece = try await provider.generate(try request(draft: draft, guidance: guidance, writer: writer), onText: nil)
        return Self.dropPreface(piece.text)
    }

    static func dropPreface(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n")
        guard paragraphs.count > 1, let first = paragraphs.first?.trimmingCharacters(in: .whitespaces),
              !first.contains("\n"), first.hasSuffix(":"), first.lowercased().hasPrefix("here") else { return text }
        return paragraphs.dropFirst().joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
