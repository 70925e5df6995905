
/// A sample that reads as machine-written although it is not marked `ai_assisted`: `check --samples` warns about
/// it before it pollutes the clone's DNA.
public struct SampleAIWarning: Codable, Sendable, Equatable {
    public var clone: String
    public var sample: String
    public var path: String
    public var score: Int
    public var threshold: Int
    /// The strongest reasons, in words.
    public var reasons: [String]

    /// One line for `check`'s text output.
    public var message: String {
        "\(path): reads as machine-written (AI-likeness \(score)/100, threshold \(threshold))"
            + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
            + ". If it was written with AI help, mark it `ai_assisted: true` so it stays out of the DNA."
    }
}
