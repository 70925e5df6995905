/// The measurable habits generation should reproduce. Every field is optional: `nil` means "learn it from the
/// samples", so the engine works before a Voice DNA exists, and the DNA (or a blend of several) can override any
/// habit when it does.
public struct StyleTargets: Codable, Sendable, Equatable {
    public var sentenceLength: SentenceLengthTarget?
    public var punctuationPer1000Words: PunctuationRates
    /// Mean number of sentences per paragraph.
    public var sentencesPerParagraph: Double?
    /// Share (0...1) of paragraphs that are a single sentence.
    public var oneLineParagraphRate: Double?
    /// Share (0...1) of places where a contraction is possible ("do not" / "don't") that are written contracted.
    public var contractionRate: Double?
    /// Favourite sentence-opening words with their share of sentences (e.g. `["so": 0.06, "but": 0.04]`).
    public var openers: [String: Double]
    public var spelling: SpellingPreference?

    public init(
        sentenceLength: SentenceLengthTarget? = nil, punctuationPer1000Words: PunctuationRates = PunctuationRates(),
        sentencesPerParagraph: Double? = nil, oneLineParagraphRate: Double? = nil, contractionRate: Double? = nil,
        openers: [String: Double] = [:], spelling: SpellingPreference? = nil
    ) {
        self.sentenceLength = sentenceLength
        self.punctuationPer1000Words = punctuationPer1000Words
        self.sentencesPerParagraph = sentencesPerParagraph
        self.oneLineParagraphRate = oneLineParagraphRate
        self.contractionRate = contractionRate
        self.openers = openers
        self.spelling = spelling
    }

    /// No targets: every habit is learnt from the samples.
    public static let fromSamples = StyleTargets()

    /// `self`, with every missing habit filled in from `measured`.
    func filled(from measured: StyleTargets) -> StyleTargets {
        var out = self
        out.sentenceLength = sentenceLength ?? measured.sentenceLength
        let p = punctuationPer1000Words, m = measured.punctuationPer1000Words
        out.punctuationPer1000Words = PunctuationRates(
            comma: p.comma ?? m.comma, semicolon: p.semicolon ?? m.semicolon, colon: p.colon ?? m.colon,
            emDash: p.emDash ?? m.emDash, enDash: p.enDash ?? m.enDash, ellipsis: p.ellipsis ?? m.ellipsis,
            parentheses: p.parentheses ?? m.parentheses, exclamation: p.exclamation ?? m.exclamation,
            question: p.question ?? m.question)
        out.sentencesPerParagraph = sentencesPerParagraph ?? measured.sentencesPerParagraph
        out.oneLineParagraphRate = oneLineParagraphRate ?? measured.oneLineParagraphRate
        out.contractionRate = contractionRate ?? measured.contractionRate
        if openers.isEmpty { out.openers = measured.openers }
        out.spelling = spelling ?? measured.spelling
        return out
    }

    enum CodingKeys: String, CodingKey {
        case openers, spelling
        case sentenceLength = "sentence_length"
        case punctuationPer1000Words = "punctuation_per_1000_words"
        case sentencesPerParagraph = "sentences_per_paragraph"
        case oneLineParagraphRate = "one_line_paragraph_rate"
        case contractionRate = "contraction_rate"
    }
}
