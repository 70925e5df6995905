import Foundation
import VoiceCloneDetection

/// A language model's rewrite that lost too much of the draft: refused, so the draft stands.
public struct ContentLossError: LocalizedError, Equatable {
    /// The draft's name (a path, or "standard input").
    public var file: String
    public var engine: String
    /// Share of the draft's content words still present.
    public var recall: Double
    public var minimum: Double
    /// Content words of the draft missing from the rewrite, most frequent first (at most 8).
    public var missing: [String]

    public init(file: String, engine: String, recall: Double, minimum: Double, missing: [String]) {
        self.file = file
        self.engine = engine
        self.recall = recall
        self.minimum = minimum
        self.missing = missing
    }

    public var errorDescription: String? {
        String(format: "refused the %@ rewrite of %@: only %.1f%% of the draft's content words survived (at least %.0f%% must)",
               engine, file, recall * 100, minimum * 100)
            + (missing.isEmpty ? "" : "; missing: " + missing.joined(separator: ", "))
            + ". The draft is unchanged. Run it again, try another --model, or leave out --provider for the offline rewrite, "
            + "which never drops content."
    }

    /// The draft's content words the rewrite lost, most lost first.
    public static func missingWords(draft: String, rewritten: String, lexicon: DetectionLexicon = .bundled, limit: Int = 8) -> [String] {
        let styleWords = lexicon.styleWords
        let before = ContentRecall.contentCounts(draft).filter { !styleWords.contains($0.key) }
        let after = ContentRecall.contentCounts(rewritten)
        return before.compactMap { word, n -> (String, Int)? in
            let lost = n - (after[word] ?? 0)
            return lost > 0 ? (word, lost) : nil
        }
        .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        .prefix(limit).map(\.0)
    }
}
