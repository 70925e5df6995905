/// A voice to attribute against: its name and the raw texts of its samples (one string per sample).
public struct AttributionCandidate: Sendable, Equatable {
    public var name: String
    public var texts: [String]

    public init(name: String, texts: [String]) {
        self.name = name
        self.texts = texts
    }
}
