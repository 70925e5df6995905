/// Whether the writer spells the American or the British way ("color" / "colour", "organize" / "organise").
public struct SpellingFeatures: Codable, Sendable, Equatable {
    public var usVariants: Int
    public var ukVariants: Int
    /// `us`, `uk`, `mixed` (neither reaches 80%) or `none` (no word with two spellings was used).
    public var preference: String
    /// US variants over all variant words; absent when there were none.
    public var usShare: Double?

    init(_ v: VocabularyMeasures) {
        usVariants = v.usSpellings
        ukVariants = v.ukSpellings
        let total = v.usSpellings + v.ukSpellings
        if total == 0 {
            preference = "none"
            usShare = nil
        } else {
            let share = Double(v.usSpellings) / Double(total)
            usShare = share
            preference = share >= 0.8 ? "us" : share <= 0.2 ? "uk" : "mixed"
        }
    }
}
