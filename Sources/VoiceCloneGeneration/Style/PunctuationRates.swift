/// How often a writer uses each punctuation mark, per 1,000 words. `nil` means "no target: follow the samples";
/// `0` means "never", which the engine treats as a near-ban.
public struct PunctuationRates: Codable, Sendable, Equatable {
    public var comma: Double?
    public var semicolon: Double?
    public var colon: Double?
    public var emDash: Double?
    public var enDash: Double?
    public var ellipsis: Double?
    public var parentheses: Double?
    public var exclamation: Double?
    public var question: Double?

    public init(
        comma: Double? = nil, semicolon: Double? = nil, colon: Double? = nil, emDash: Double? = nil,
        enDash: Double? = nil, ellipsis: Double? = nil, parentheses: Double? = nil, exclamation: Double? = nil,
        question: Double? = nil
    ) {
        self.comma = comma
        self.semicolon = semicolon
        self.colon = colon
        self.emDash = emDash
        self.enDash = enDash
        self.ellipsis = ellipsis
        self.parentheses = parentheses
        self.exclamation = exclamation
        self.question = question
    }

    /// The rate for one mark.
    public func rate(for mark: PunctuationMark) -> Double? {
        switch mark {
        case .comma: comma
        case .semicolon: semicolon
        case .colon: colon
        case .emDash: emDash
        case .enDash: enDash
        case .ellipsis: ellipsis
        case .parentheses: parentheses
        case .exclamation: exclamation
        case .question: question
        }
    }

    enum CodingKeys: String, CodingKey {
        case comma, semicolon, colon, ellipsis, parentheses, exclamation, question
        case emDash = "em_dash"
        case enDash = "en_dash"
    }
}
