/// The punctuation marks whose rates make up a writer's punctuation profile.
enum PunctuationMark: Int, CaseIterable {
    case comma, semicolon, colon, emDash, enDash, ellipsis, parenthesis, exclamation, question, straightQuote, curlyQuote
}
