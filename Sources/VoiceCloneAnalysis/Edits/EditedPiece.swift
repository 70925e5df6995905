/// A saved draft and what the writer made of it, as ``EditMiner`` reads them.
public struct EditedPiece: Sendable, Equatable {
    /// The library id; lessons name it in their examples.
    public var id: String
    public var platform: String
    /// The text the tool saved.
    public var draft: String
    /// The text the writer approved or published.
    public var final: String

    public init(id: String, platform: String, draft: String, final: String) {
        self.id = id; self.platform = platform; self.draft = draft; self.final = final
    }
}

/// How strict ``EditMiner`` is about what counts as a habit.
public struct EditMiningOptions: Sendable, Equatable {
    /// A pattern must be seen in at least this many pieces (never fewer than 2: one piece is an accident).
    public var minSupport: Int
    /// …and in at least this share of the pieces where it could have been seen.
    public var minShare: Double
    /// Examples kept per lesson, from different pieces.
    public var maxExamples: Int
    /// Longer deletions and insertions are rewrites, not word choices.
    public var maxPhraseWords: Int

    public static let defaultMinSupport = 2

    public init(minSupport: Int = defaultMinSupport, minShare: Double = 0.5, maxExamples: Int = 2, maxPhraseWords: Int = 4) {
        self.minSupport = max(2, minSupport); self.minShare = minShare; self.maxExamples = maxExamples
        self.maxPhraseWords = maxPhraseWords
    }
}
