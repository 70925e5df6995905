import Foundation

/// One edit the shaping made, with its reason, for `--diff` and the measurement.
public struct ShapingEdit: Codable, Sendable, Equatable {
    /// `split`, `join`, `subject`, `opener`, `contraction`, `spelling`.
    public var kind: String
    public var before: String
    public var after: String
    public var reason: String

    public init(kind: String, before: String, after: String, reason: String) {
        self.kind = kind
        self.before = before
        self.after = after
        self.reason = reason
    }
}

/// Word-level habits applied to one sentence through the engine's tokenizer: contractions toward the writer's rate
/// and their US/UK spelling. A sentence the tokenizer cannot render back unchanged (unusual spacing, markup) is left
/// alone, so nothing but the intended words ever changes.
struct WordHabitEditor {
    let contractionTarget: Double?
    let measuredContractions: Double
    let spelling: SpellingPreference?

    func apply(_ sentence: String, rng: inout SeededGenerator) -> (text: String, kinds: [String]) {
        var tokenizer = DraftTokenizer()
        let tokens = tokenizer.sentences(inParagraph: sentence).flatMap { $0 }
        let assembler = DraftAssembler(style: tokenizer.renderStyle)
        guard !tokens.isEmpty, assembler.renderSentence(tokens) == sentence else { return (sentence, []) }
        var out = tokens
        var kinds: [String] = []
        if let target = contractionTarget {
            let next = ContractionRewriter(target: target, measured: measuredContractions).rewrite(out, using: &rng)
            if next != out { kinds.append("contraction") }
            out = next
        }
        if let spelling {
            let next = SpellingRewriter(preference: spelling).rewrite(out)
            if next != out { kinds.append("spelling") }
            out = next
        }
        return kinds.isEmpty ? (sentence, []) : (assembler.renderSentence(out), kinds)
    }
}
