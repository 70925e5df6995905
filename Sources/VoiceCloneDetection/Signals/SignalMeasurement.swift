/// One signal measured on one text: the value a person reads, and the oriented input the score model takes.
public struct SignalMeasurement: Sendable, Equatable {
    public var kind: DetectionSignalKind
    /// The plain measurement (see `DetectionSignalKind`).
    public var value: Double
    /// The model input: 0 for nothing machine-like, growing with the evidence.
    public var input: Double
    /// False when the text is too short or lacks the structure to measure it (then `input` is 0).
    public var measurable: Bool
}
