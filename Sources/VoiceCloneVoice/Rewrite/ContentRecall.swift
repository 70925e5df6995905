import VoiceCloneAnalysis

/// How much of a draft's content survives a rewrite: the share of the draft's content-word tokens (function words
/// excluded, counted with multiplicity) that are still in the rewritten text. The rewrite promise is ≥ 95%.
public enum ContentRecall {
    public static func measure(draft: String, rewritten: String) -> Double {
        let before = contentCounts(draft)
        let total = before.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let after = contentCounts(rewritten)
        let kept = before.reduce(0) { $0 + min($1.value, after[$1.key] ?? 0) }
        return Double(kept) / Double(total)
    }

    static func contentCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for w in Tokenizer.words(in: text) where !FunctionWords.all.contains(w) && w.count > 1 {
            counts[w, default: 0] += 1
        }
        return counts
    }
}
