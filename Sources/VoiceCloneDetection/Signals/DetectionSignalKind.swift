/// The evidence the detector weighs. Each signal's model input is oriented so that larger means more machine-like;
/// the reported value is the plain measurement (a rate, a share, a spread) a person can check by hand.
public enum DetectionSignalKind: String, CaseIterable, Codable, Sendable {
    /// Tell words and stock phrases ("delve", "tapestry", "in today's fast-paced world") per 100 words.
    case aiVocabulary = "ai_vocabulary"
    /// Sentence-length burstiness (Goh & Barabási): -1 perfectly even, 0 random; machine prose runs even.
    case lowBurstiness = "low_burstiness"
    /// Moving-average type-token ratio over 100-word windows (length-independent lexical variety).
    case lowLexicalVariety = "low_lexical_variety"
    /// Coefficient of variation of paragraph lengths (needs three or more paragraphs).
    case uniformParagraphs = "uniform_paragraphs"
    /// Share of sentences that open with a connective ("Moreover,", "Furthermore,", "Additionally,").
    case stackedTransitions = "stacked_transitions"
    /// Lists of exactly three ("builds trust, drives results, and fosters growth") per sentence.
    case ruleOfThree = "rule_of_three"
    /// "not just X, but Y" and "it's not X, it's Y" per sentence.
    case notJustButY = "not_just_but"
    /// Hedges and signposts ("it's worth noting", "in conclusion", "in this article") per 100 words.
    case hedgingSignposting = "hedging_signposting"
    /// Share of list items whose bullet is an emoji.
    case emojiBullets = "emoji_bullets"
    /// Share of headings (three words or more) written in Title Case.
    case titleCaseHeadings = "title_case_headings"
    /// Em dashes per 1,000 words.
    case emDashes = "em_dashes"
    /// Contractions per 1,000 words; machine prose seldom contracts.
    case fewContractions = "few_contractions"
    /// First-person singular pronouns, questions and exclamations per 1,000 words: machine essays keep their
    /// distance, people put themselves in.
    case impersonalVoice = "impersonal_voice"

    /// What the signal means, for people reading a report.
    public var summary: String {
        switch self {
        case .aiVocabulary: return "AI-typical words and phrases per 100 words"
        case .lowBurstiness: return "sentence-length burstiness (-1 even … 0 varied)"
        case .lowLexicalVariety: return "lexical variety (MATTR, 100-word windows)"
        case .uniformParagraphs: return "variation of paragraph lengths (coefficient of variation)"
        case .stackedTransitions: return "share of sentences opening with a transition"
        case .ruleOfThree: return "three-item lists per sentence"
        case .notJustButY: return "\"not just X, but Y\" constructions per sentence"
        case .hedgingSignposting: return "hedges and signposts per 100 words"
        case .emojiBullets: return "share of list items with emoji bullets"
        case .titleCaseHeadings: return "share of headings in Title Case"
        case .emDashes: return "em dashes per 1,000 words"
        case .fewContractions: return "contractions per 1,000 words"
        case .impersonalVoice: return "I/me/my, questions and exclamations per 1,000 words"
        }
    }
}
