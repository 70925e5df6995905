import VoiceCloneAnalysis
import VoiceCloneProviders

/// Something that rewrites a draft toward a voice: the offline `LocalRewriter`, or a language-model rewriter that
/// turns the same guidance into instructions. Callers (Kit's `rewrite`) measure the result the same way for both:
/// AI-likeness and voice match before and after, content-word recall, and a sentence diff.
public protocol DraftRewriting: Sendable {
    func rewrite(_ draft: String, guidance: RewriteGuidance) throws -> String
}
