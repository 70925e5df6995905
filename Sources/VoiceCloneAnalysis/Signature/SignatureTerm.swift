/// A word or phrase in a writer's signature, with the rates that make it stand out.
public struct SignatureTerm: Codable, Sendable, Equatable {
    public var term: String
    /// Times the writer used it.
    public var count: Int
    /// The writer's rate per 1,000 words.
    public var perThousand: Double
    /// The rate in what it is compared with, per 1,000 words.
    public var referencePerThousand: Double
    /// `clones` (the other clones of the vault), `english` (general English word frequencies) or `self`
    /// (no reference: the writer's most frequent phrases).
    public var against: String
    /// How strongly it stands out: log2 of the rate ratio (negative for avoided words).
    public var score: Double
}
