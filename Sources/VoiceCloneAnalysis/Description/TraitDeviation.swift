/// How one trait of a text differs from a writer's, in words: what `match` reports.
public struct TraitDeviation: Codable, Sendable, Equatable {
    public var key: String
    public var label: String
    public var text: Double
    public var writer: Double
    /// Difference in typical between-writer spreads; the sign says the text has more.
    public var deviation: Double
    /// "your sentences run 40% longer than Dana's (12.0 vs 7.1 words)".
    public var description: String
}

extension TraitCatalog {
    /// The traits on which `text` differs most from `writer`'s voice, largest first, phrased for people.
    /// Only differences of at least `threshold` typical spreads are reported: a short text always wobbles a little.
    public static func deviations(of text: TextProfile, from writer: TextProfile, writerName: String,
                                  threshold: Double = 0.75) -> [TraitDeviation] {
        all.compactMap { trait -> TraitDeviation? in
            guard let t = trait.value(in: text), let w = trait.value(in: writer), t.isFinite, w.isFinite else { return nil }
            let z = (t - w) / trait.spread
            guard abs(z) >= threshold else { return nil }
            return TraitDeviation(key: trait.key, label: trait.label, text: t, writer: w, deviation: z,
                                  description: phrase(trait, text: t, writer: w, words: text.words, name: writerName))
        }
        .sorted { abs($0.deviation) != abs($1.deviation) ? abs($0.deviation) > abs($1.deviation) : $0.key < $1.key }
    }

    static func phrase(_ trait: Trait, text t: Double, writer w: Double, words: Int, name: String) -> String {
        let possessive = name.hasSuffix("s") ? "\(name)'" : "\(name)'s"
        let perThousand = trait.unit == "per 1,000 words"
        if perThousand, w < 0.05, t > 0 {
            let count = max(1, Int((t * Double(words) / 1000).rounded()))
            return "\(name) never uses \(trait.label); this has \(count)"
        }
        if perThousand, t == 0, w > 0 {
            return "\(name) uses \(trait.label) (\(trait.format(w))); this has none"
        }
        if trait.isShare {
            return "\(trait.label): \(trait.format(t)) here, \(trait.format(w)) for \(name)"
        }
        let pct = w != 0 ? Int((abs(t / w - 1) * 100).rounded()) : 0
        switch trait.key {
        case "sentences.mean_length":
            return "your sentences run \(pct)% \(t > w ? "longer" : "shorter") than \(possessive) (\(trait.format(t)) vs \(trait.format(w)))"
        case "lexical.mean_word_length":
            return "your words are \(pct)% \(t > w ? "longer" : "shorter") than \(possessive) (\(trait.format(t)) vs \(trait.format(w)))"
        case "paragraphs.mean_sentences":
            return "your paragraphs run \(pct)% \(t > w ? "longer" : "shorter") than \(possessive) (\(trait.format(t)) vs \(trait.format(w)))"
        default:
            let amount = w != 0 && pct < 1000 ? "\(pct)% \(t > w ? "more" : "fewer")" : (t > w ? "more" : "fewer")
            return "\(trait.label): \(amount) than \(name) (\(trait.format(t)) vs \(trait.format(w)))"
        }
    }
}
