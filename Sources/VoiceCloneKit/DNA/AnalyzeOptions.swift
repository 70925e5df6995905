import VoiceCloneAnalysis

/// How `analyze` reads a clone.
public struct AnalyzeOptions: Sendable {
    /// Count samples marked `ai_assisted` too (left out by default: they are not the writer's voice).
    public var includeAIAssisted: Bool
    /// How the writer's edits of library pieces become the DNA's `edits` section.
    public var editMining: EditMiningOptions

    public init(includeAIAssisted: Bool = false, editMining: EditMiningOptions = .init()) {
        self.includeAIAssisted = includeAIAssisted
        self.editMining = editMining
    }
}
