/// One measurable habit people recognise ("short sentences"), with where edited English usually sits.
///
/// `dna show` ranks traits by how far a writer is from typical; `dna diff` and DNA commit messages rank
/// changes by how many typical spreads they move, so a shift of 2 words in sentence length outranks a
/// shift of 2 commas per 1,000 words.
public struct Trait: Sendable {
    /// The DNA key path, as in the JSON file (`sentences.mean_length`).
    public let key: String
    /// What people call it ("sentence length").
    public let label: String
    /// The unit, for "11.2 words" or "4.0 per 1,000 words".
    public let unit: String
    /// A rough figure for edited English prose (news, essays, business writing).
    public let typical: Double
    /// How much writers commonly differ on it: one "spread" away from typical is noticeable.
    public let spread: Double
    /// Words for a writer above and below typical.
    public let above: String
    public let below: String
    /// Shares (0–1) print as percentages.
    public let isShare: Bool
    let read: @Sendable (TextProfile) -> Double?

    init(_ key: String, _ label: String, unit: String, typical: Double, spread: Double, above: String, below: String,
         share: Bool = false, _ read: @escaping @Sendable (TextProfile) -> Double?) {
        self.key = key; self.label = label; self.unit = unit; self.typical = typical; self.spread = spread
        self.above = above; self.below = below; self.isShare = share; self.read = read
    }

    /// The trait's value in a profile; nil when the text gives no evidence (no lists for the Oxford comma).
    public func value(in profile: TextProfile) -> Double? { read(profile) }

    /// "11.2 words", "35%", "4.1 per 1,000 words".
    public func format(_ v: Double) -> String {
        if isShare { return "\(Int((v * 100).rounded()))%" }
        let number = abs(v) >= 100 ? String(Int(v.rounded())) : String(format: abs(v) < 2 && unit.isEmpty ? "%.2f" : "%.1f", v)
        return unit.isEmpty ? number : "\(number) \(unit)"
    }
}
