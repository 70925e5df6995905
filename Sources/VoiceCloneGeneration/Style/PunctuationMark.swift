/// The punctuation marks whose rates the engine steers.
public enum PunctuationMark: String, Codable, Sendable, CaseIterable {
    case comma, semicolon, colon, emDash = "em_dash", enDash = "en_dash", ellipsis, parentheses, exclamation, question

    /// The mark for a draft token, if it is one of the steered marks (an opening parenthesis stands for the pair).
    init?(token: String) {
        switch token {
        case ",": self = .comma
        case ";": self = .semicolon
        case ":": self = .colon
        case "—": self = .emDash
        case "–": self = .enDash
        case "…": self = .ellipsis
        case "(": self = .parentheses
        default:
            if token.hasPrefix("!") { self = .exclamation }
            else if token.hasPrefix("?") { self = .question }
            else { return nil }
        }
    }
}
