/// The answer to "who wrote this?" for one text.
public struct Attribution: Codable, Sendable, Equatable {
    /// Candidates, closest first (ties broken by name).
    public var ranking: [RankedCandidate]
    /// The closest candidate's name.
    public var best: String
    public var confidence: Confidence
    /// The band around the best candidate's probability.
    public var band: ProbabilityBand
    /// Words in the text.
    public var words: Int
    public var warnings: [AttributionWarning]
    /// The features that most separated the best candidate from the runner-up.
    public var drivers: [AttributionDriver]
}
