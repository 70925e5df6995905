import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration

/// How much of a draft's content survives a rewrite: the share of the draft's content-word tokens (function words
/// excluded, counted with multiplicity) that are still in the rewritten text. The rewrite promise is ≥ 95%.
///
/// The words of the lexicon's replaceable entries (tell words, stock phrases with a plain form, connectives,
/// hedges, signposts) are left out of the count: they are the style the rewrite is asked to remove, not the
/// draft's content. `raw` counts every non-function word, for comparison.
public enum ContentRecall {
    public static func measure(draft: String, rewritten: String, lexicon: DetectionLexicon = .bundled) -> Double {
        recall(draft: draft, rewritten: rewritten, ignoring: lexicon.styleWords)
    }

    /// Recall over every non-function word, tell words included.
    public static func raw(draft: String, rewritten: String) -> Double {
        recall(draft: draft, rewritten: rewritten, ignoring: [])
    }

    static func recall(draft: String, rewritten: String, ignoring: Set<String>) -> Double {
        let before = contentCounts(draft).filter { !ignoring.contains($0.key) }
        let total = before.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let after = contentCounts(rewritten)
        let kept = before.reduce(0) { $0 + min($1.value, after[$1.key] ?? 0) }
        return Double(kept) / Double(total)
    }

    /// "aren't", "we'll", "she'd": grammar, and expanding or contracting them is a style edit.
    static func isContraction(_ w: String) -> Bool {
        guard let apostrophe = w.firstIndex(of: "'") else { return false }
        return ["n't", "'s", "'re", "'ll", "'ve", "'d", "'m"].contains { w[apostrophe...].hasSuffix($0) || w.hasSuffix($0) }
    }

    /// The forms of the participles a split turns into "This …" ("making", "makes", "made"), read as one word.
    static let participleLemma: [String: String] = {
        var out: [String: String] = [:]
        for (ing, forms) in SentenceShaper.participles {
            out[forms.present] = ing
            out[forms.past] = ing
        }
        return out
    }()

    static func contentCounts(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for w in Tokenizer.words(in: text)
        where (!StopWords.all.contains(w) || participleLemma[w] != nil) && w.count > 1 && !isContraction(w) {
            // "colour" and "color" are the same word: a spelling change keeps the content.
            // "…, making it hard" → "This makes it hard": the participle's verb is kept in another form.
            let us = SpellingRewriter.ukToUS[w] ?? w
            counts[participleLemma[us] ?? us, default: 0] += 1
        }
        return counts
    }
}
