/// Tuning knobs for the offline engine; the defaults are what the CLI uses.
public struct LocalEngineOptions: Codable, Sendable, Equatable {
    /// n-gram order (2...4). 4 sounds most like the writer on corpora of tens of thousands of words.
    public var order: Int
    /// Runs of this many consecutive words shared with a sample count as copying and are refused (the N).
    public var copyLimit: Int
    /// Candidate sentences drawn per slot; the best-scoring one (fluency, length, topic) is kept.
    public var candidatesPerSentence: Int
    /// Temperature when the request gives none.
    public var defaultTemperature: Double
    /// Below this many sample words the piece carries a "thin clone" warning.
    public var thinCloneWords: Int

    public init(
        order: Int = 4, copyLimit: Int = 12, candidatesPerSentence: Int = 4, defaultTemperature: Double = 0.85,
        thinCloneWords: Int = 2000
    ) {
        self.order = order
        self.copyLimit = copyLimit
        self.candidatesPerSentence = candidatesPerSentence
        self.defaultTemperature = defaultTemperature
        self.thinCloneWords = thinCloneWords
    }

    enum CodingKeys: String, CodingKey {
        case order
        case copyLimit = "copy_limit"
        case candidatesPerSentence = "candidates_per_sentence"
        case defaultTemperature = "default_temperature"
        case thinCloneWords = "thin_clone_words"
    }
}
