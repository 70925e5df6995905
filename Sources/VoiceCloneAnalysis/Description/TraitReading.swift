/// One trait of one writer, read against typical English: what `dna show` prints.
public struct TraitReading: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var value: Double
    public var typical: Double
    /// Distance from typical in typical spreads; the sign says above or below.
    public var deviation: Double
    /// "short sentences: 11.2 words on average, typical 18.0 words".
    public var description: String
}

extension TraitCatalog {
    /// The writer's traits ordered by how much they set the writer apart, most distinctive first.
    public static func readings(of profile: TextProfile) -> [TraitReading] {
        all.compactMap { trait -> TraitReading? in
            guard let v = trait.value(in: profile), v.isFinite else { return nil }
            let z = (v - trait.typical) / trait.spread
            let phrase = abs(z) < 0.5 ? "typical \(trait.label)" : (z > 0 ? trait.above : trait.below)
            let text = "\(phrase): \(trait.format(v)), typical \(trait.format(trait.typical))"
            return TraitReading(key: trait.key, label: trait.label, value: v, typical: trait.typical,
                                deviation: z, description: text)
        }
        .sorted { abs($0.deviation) != abs($1.deviation) ? abs($0.deviation) > abs($1.deviation) : $0.key < $1.key }
    }
}
