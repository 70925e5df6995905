/// Settings of an analysis. The defaults are what `voiceclone analyze` uses; changing one changes the DNA.
public struct AnalysisOptions: Sendable, Equatable {
    /// How many of the most frequent words the DNA keeps with their relative frequencies (attribution's profile).
    public var mostFrequentWords: Int = 500
    /// Window of the moving-average type-token ratio (MATTR). 100 words keeps it meaningful for short posts.
    public var mattrWindow: Int = 100
    /// Fewest words an analysis accepts: below this, style measurements are noise.
    public var minimumWords: Int = 300
    /// Phrases are counted in at most about this many words of a clone, split evenly across its samples (each
    /// sample's first words), which bounds time and memory on book-length corpora while leaving ordinary clones
    /// (posts, emails, articles) fully counted.
    public var phraseWordBudget: Int = 400_000
    /// Each sample contributes at least this many words to phrase counting, however many samples there are.
    public var phraseWordsPerSampleMinimum: Int = 2_000
    /// Whether to count phrases at all (the signature needs them; `stats` does not).
    public var includePhrases: Bool = true
    /// How many entries each signature list keeps.
    public var signatureSize: Int = 20
    /// How many sentence openers the DNA keeps.
    public var openers: Int = 15

    public init() {}
}
