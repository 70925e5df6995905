/// The punctuation and sentence-shape features, in the order `StyleSums.rates()` returns them.
public enum StyleFeature: String, CaseIterable, Codable, Sendable {
    case commas, semicolons, colons, exclamationMarks, questionMarks, fullStops, doubleQuotes,
         apostrophes, dashes, parentheses
    case meanSentenceLength, sentenceLengthSpread, meanWordLength, shortWords, longWords

    /// The ASCII marks counted, in the order of the first ten cases.
    static let punctuationMarks: [UInt8] = Array(",;:!?.\"'-(".utf8)

    /// A label a person can read, with its unit.
    public var label: String {
        switch self {
        case .commas: return "commas per 100 words"
        case .semicolons: return "semicolons per 100 words"
        case .colons: return "colons per 100 words"
        case .exclamationMarks: return "exclamation marks per 100 words"
        case .questionMarks: return "question marks per 100 words"
        case .fullStops: return "full stops per 100 words"
        case .doubleQuotes: return "quotation marks per 100 words"
        case .apostrophes: return "apostrophes per 100 words"
        case .dashes: return "dashes per 100 words"
        case .parentheses: return "parentheses per 100 words"
        case .meanSentenceLength: return "words per sentence"
        case .sentenceLengthSpread: return "spread of sentence length (words)"
        case .meanWordLength: return "letters per word"
        case .shortWords: return "words of 1-3 letters per 100 words"
        case .longWords: return "words of 7+ letters per 100 words"
        }
    }
}
