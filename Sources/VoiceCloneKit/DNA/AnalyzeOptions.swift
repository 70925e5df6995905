/// How `analyze` reads a clone.
public struct AnalyzeOptions: Sendable {
    /// Count samples marked `ai_assisted` too (left out by default: they are not the writer's voice).
    public var includeAIAssisted: Bool

    public init(includeAIAssisted: Bool = false) {
        self.includeAIAssisted = includeAIAssisted
    }
}
