import Foundation
import VoiceCloneAnalysis

/// A writer's measured habits turned into concrete instructions a language model can follow.
///
/// "Write like Dana" tells a model nothing it can act on; "sentences average 11 words, a quarter are under 6;
/// never uses semicolons; contractions in most places they fit" does. Every line comes from a DNA measurement,
/// and a habit is only stated when the samples hold enough words to support it.
public enum StyleInstructions {
    /// Below this many words, "never uses X" is not evidence (a 300-word sample may simply have had no colon).
    static let wordsForAbsence = 1500

    public static func lines(for dna: VoiceDNA) -> [String] {
        var lines: [String] = []
        let s = dna.sentences, words = dna.corpus.words
        if s.count > 0 {
            lines.append("Sentences average \(f0(s.meanLength)) words (median \(f0(s.medianLength)), spread ±\(f0(s.standardDeviation))); "
                + "one in four is under \(f0(s.percentiles.p25)) words and one in ten over \(f0(s.percentiles.p90)). "
                + "Keep that mix of short and long; do not make sentences uniform.")
            if s.questionShare >= 0.05 {
                lines.append("About \(pct(s.questionShare)) of sentences are questions.")
            } else if s.questionShare < 0.01 && s.count >= 50 {
                lines.append("Almost never asks questions.")
            }
            if s.exclamationShare >= 0.03 {
                lines.append("About \(pct(s.exclamationShare)) of sentences end with an exclamation mark.")
            } else if s.exclamationShare < 0.005 && s.count >= 50 {
                lines.append("Does not use exclamation marks.")
            }
            let openers = s.openers.prefix(5).filter { $0.share >= 0.02 }
            if !openers.isEmpty {
                lines.append("Often starts sentences with: "
                    + openers.map { "\"\($0.word.capitalized)\" (\(pct($0.share)))" }.joined(separator: ", ") + ".")
            }
        }
        let p = dna.paragraphs
        // Text imported without paragraph breaks (PDF extracts, pasted chapters) reads as one huge paragraph:
        // that is an accident of the source, not a habit worth passing on.
        if p.count > 0 && p.meanWords <= 300 {
            lines.append("Paragraphs average \(f1(p.meanSentences)) sentences (\(f0(p.meanWords)) words); "
                + "\(pct(p.singleSentenceShare)) are a single sentence.")
        }
        lines.append(contentsOf: punctuation(dna.punctuation, words: words))
        lines.append(contentsOf: person(dna.pronouns))
        let c = dna.lexical.contractionsPerThousand
        if c >= 15 {
            lines.append("Uses contractions freely (don't, it's, we're): about \(f0(c)) per 1,000 words.")
        } else if c < 3 && words >= wordsForAbsence {
            lines.append("Avoids contractions: writes \"do not\", \"it is\" (\(f1(c)) per 1,000 words).")
        } else {
            lines.append("Uses contractions now and then (about \(f0(c)) per 1,000 words).")
        }
        let r = dna.readability
        lines.append("Reading level around US grade \(f0(max(1, r.fleschKincaidGrade))) (Flesch reading ease \(f0(r.fleschReadingEase))); "
            + "words average \(f1(dna.lexical.meanWordLength)) letters.")
        lines.append(contentsOf: formatting(dna.formatting, words: words))
        switch dna.spelling.preference {
        case "us": lines.append("Spells the American way (color, organize).")
        case "uk": lines.append("Spells the British way (colour, organise).")
        default: break
        }
        let favourites = dna.signature.distinctiveWords.prefix(8).map(\.term)
        if !favourites.isEmpty {
            lines.append("Characteristic words (use where natural, do not force): \(favourites.joined(separator: ", ")).")
        }
        let avoided = dna.signature.avoidedWords.filter { $0.term.count >= 4 }.prefix(6).map(\.term)
        if !avoided.isEmpty {
            lines.append("Rarely uses: \(avoided.joined(separator: ", ")).")
        }
        if let q = dna.qualitative {
            if !q.tone.isEmpty { lines.append("Tone: \(q.tone.joined(separator: ", ")).") }
            if !q.attitude.isEmpty { lines.append("Attitude: \(q.attitude.joined(separator: ", ")).") }
            for item in q.dos.prefix(5) { lines.append("Do: \(item)") }
            for item in q.donts.prefix(5) { lines.append("Don't: \(item)") }
        }
        return lines.map { "- " + $0 }
    }

    private static func punctuation(_ p: PunctuationFeatures, words: Int) -> [String] {
        let marks: [(String, Double)] = [
            ("semicolons", p.semicolon), ("colons", p.colon), ("em dashes (—)", p.emDash), ("en dashes (–)", p.enDash),
            ("ellipses (…)", p.ellipsis), ("parentheses", p.parentheses),
        ]
        var lines = ["Commas: about \(f0(p.comma)) per 1,000 words."]
        let used = marks.filter { $0.1 >= 1 }
        if !used.isEmpty {
            lines.append("Uses " + used.map { "\($0.0) (about \(f0($0.1)) per 1,000 words)" }.joined(separator: ", ") + ".")
        }
        let never = marks.filter { $0.1 < 0.2 }
        if !never.isEmpty && words >= wordsForAbsence {
            lines.append("Never uses " + never.map(\.0).joined(separator: ", ") + ": do not use them.")
        }
        if let oxford = p.oxfordCommaRate, p.oxfordCommaLists >= 3 {
            if oxford >= 0.7 { lines.append("Uses the Oxford comma (\"red, white, and blue\").") }
            if oxford <= 0.3 { lines.append("No Oxford comma (\"red, white and blue\").") }
        }
        if p.curlyQuotes > p.straightQuotes * 2 && p.curlyQuotes >= 1 { lines.append("Uses curly quotes (“ ”).") }
        return lines
    }

    private static func person(_ p: PronounFeatures) -> [String] {
        let persons: [(String, Double)] = [
            ("the first person singular (I, me, my)", p.firstSingular),
            ("the first person plural (we, us, our)", p.firstPlural),
            ("the second person, addressing the reader (you, your)", p.second),
            ("the third person (he, she, they)", p.thirdSingular + p.thirdPlural),
        ]
        guard let top = persons.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return [] }
        var lines = ["Writes mostly in \(top.0): \(f0(top.1)) per 1,000 words."]
        if top.0 != persons[2].0 && p.second >= 8 { lines.append("Also talks to the reader as \"you\".") }
        if p.firstSingular < 1 && top.0 != persons[0].0 { lines.append("Rarely says \"I\".") }
        return lines
    }

    private static func formatting(_ f: FormattingFeatures, words: Int) -> [String] {
        let features: [(String, Double)] = [
            ("Markdown headings", f.headings), ("bullet lists", f.bulletItems), ("numbered lists", f.numberedItems),
            ("bold", f.bold), ("italics", f.italics), ("emoji", f.emoji), ("hashtags", f.hashtags),
            ("links", f.links),
        ]
        var lines: [String] = []
        let used = features.filter { $0.1 >= 0.5 }
        if !used.isEmpty {
            lines.append("Formatting used: " + used.map { "\($0.0) (\(f1($0.1)) per 1,000 words)" }.joined(separator: ", ") + ".")
        }
        let unused = features.filter { $0.1 == 0 }.map(\.0)
        if !unused.isEmpty && words >= 500 {
            lines.append("Never uses " + unused.joined(separator: ", ") + " unless the platform requires it.")
        }
        return lines
    }

    static func f0(_ x: Double) -> String { String(format: "%.0f", x) }
    static func f1(_ x: Double) -> String { String(format: "%.1f", x) }
    static func pct(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}
