/// One sentence that raised the score: where it is, why, and what to do about it.
public struct SentenceFlag: Codable, Sendable, Equatable {
    public var span: TextSpan
    public var sentence: String
    public var reasons: [String]
    public var suggestion: String
    /// The signals behind the reasons (names as in `signals`).
    public var signals: [String]
}
