import Foundation
import VoiceCloneAnalysis

/// The writer's habits a rewrite moves a draft toward, read from their DNA (and their samples for the contraction
/// share, which the DNA records only per 1,000 words).
public struct RewriteStyle: Sendable, Equatable {
    /// Share (0...1) of places a contraction is possible that the writer contracts; nil leaves contractions alone.
    public var contractionShare: Double?
    /// The writer's sentence lengths in words.
    public var medianSentence: Double
    public var longSentence: Double
    public var shortSentence: Double
    /// Em dashes per 1,000 words.
    public var emDashRate: Double
    /// Whether the writer puts a comma before the last item of a list; nil when their samples never show a list.
    public var oxfordComma: Bool?
    public var spelling: SpellingPreference?
    /// The connectives and "This" (``SentenceShaper/addedOpeners``) this writer opens at least one sentence with;
    /// a split opens a sentence only on these. `nil`: not known, so not gated.
    public var sentenceOpeners: Set<String>?

    public init(contractionShare: Double?, medianSentence: Double, longSentence: Double, shortSentence: Double,
                emDashRate: Double, oxfordComma: Bool?, spelling: SpellingPreference?, sentenceOpeners: Set<String>? = nil) {
        self.sentenceOpeners = sentenceOpeners
        self.contractionShare = contractionShare
        self.medianSentence = medianSentence
        self.longSentence = longSentence
        self.shortSentence = shortSentence
        self.emDashRate = emDashRate
        self.oxfordComma = oxfordComma
        self.spelling = spelling
    }

    /// The habits in a DNA; `samples` (the clone's texts) give the contraction share when present.
    public init(dna: VoiceDNA, samples: [String] = []) {
        let p = dna.sentences.percentiles
        medianSentence = p.p50
        longSentence = max(p.p90, p.p50 * 1.5)
        shortSentence = p.p25
        emDashRate = dna.punctuation.emDash
        oxfordComma = dna.punctuation.oxfordCommaLists >= 2 ? (dna.punctuation.oxfordCommaRate ?? 0.5) >= 0.5 : nil
        switch dna.spelling.preference {
        case "us": spelling = .us
        case "uk": spelling = .uk
        default: spelling = nil
        }
        contractionShare = RewriteStyle.contractionShare(samples) ?? (dna.lexical.contractionsPerThousand < 1 ? 0 : nil)
        // From every sentence of the samples; without samples, the openers the DNA records (its most used ones only,
        // so a rare opener is missed there and its splits are refused: the cautious side).
        sentenceOpeners = samples.isEmpty
            ? Set(dna.sentences.openers.filter { $0.share > 0 }.map { $0.word.lowercased() })
                .intersection(SentenceShaper.addedOpeners)
            : RewriteStyle.sentenceOpeners(samples)
    }

    /// The words of ``SentenceShaper/addedOpeners`` that open at least one sentence of `texts`.
    package static func sentenceOpeners(_ texts: [String]) -> Set<String> {
        var found: Set<String> = []
        for text in texts {
            for paragraph in text.components(separatedBy: "\n\n") {
                for sentence in SentenceSplitter.sentences(in: paragraph.split(whereSeparator: \.isNewline).joined(separator: " ")) {
                    let first = sentence.split(whereSeparator: \.isWhitespace).first.map {
                        $0.lowercased().trimmingCharacters(in: CharacterSet.punctuationCharacters.union(CharacterSet(charactersIn: "*_#>")))
                    } ?? ""
                    if SentenceShaper.addedOpeners.contains(first) { found.insert(first) }
                }
            }
        }
        return found
    }

    /// Contracted sites over all contractible sites in the texts, as the generation engine measures it.
    package static func contractionShare(_ texts: [String]) -> Double? {
        var contracted = 0, expanded = 0
        var tokenizer = DraftTokenizer()
        for text in texts {
            for paragraph in text.components(separatedBy: "\n\n") {
                for sentence in tokenizer.sentences(inParagraph: paragraph) {
                    let s = ContractionRewriter.sites(in: sentence)
                    contracted += s.contracted
                    expanded += s.expanded
                }
            }
        }
        guard contracted + expanded >= 5 else { return nil }
        return Double(contracted) / Double(contracted + expanded)
    }
}
