/// One signal as reported: its measured value, the model's weight and what it added to the score's logit.
public struct DetectionSignal: Codable, Sendable, Equatable {
    public var name: String
    public var value: Double
    public var weight: Double
    /// weight × (input − the writer's allowance): this signal's share of the logit.
    public var contribution: Double
    /// The writer's own value on this signal, when judged against a clone.
    public var baseline: Double?
    public var description: String
}
