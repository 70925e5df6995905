/// Every signal of one text, before any scoring: what the fit trains on and what a writer's baseline averages.
public struct TextMeasurement: Sendable, Equatable {
    public var measurements: [SignalMeasurement]
    public var words: Int
    /// The listed words and phrases (tells, hedges, signposts, opening transitions) the text uses, each once.
    public var listedPhrases: Set<String>

    /// The model inputs by signal.
    public var inputs: [DetectionSignalKind: Double] {
        Dictionary(uniqueKeysWithValues: measurements.map { ($0.kind, $0.input) })
    }
}
