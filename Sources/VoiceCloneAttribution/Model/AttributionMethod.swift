/// How an attribution was computed.
public enum AttributionMethod: String, Codable, Sendable, CaseIterable {
    /// Linear models trained on the voices' samples at attribution time (`LearnedAttributor`); the default.
    case learned
    /// Cosine Delta distances to the voices' profiles (`Attributor`); used when a voice has too little text
    /// to train on, or when asked for with `--method delta`.
    case delta
}
