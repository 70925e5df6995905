import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration

/// Picks a few short passages from the samples for the prompt: the ones that share the most words with the
/// request, so the model sees how this writer talks about *this* subject; typical passages when none do.
///
/// Deterministic: ties are broken by sample id and position, so the same request always sends the same prompt.
public struct ExcerptSelector: Sendable {
    public var maxExcerpts: Int
    /// Longest excerpt, in words; longer paragraphs are cut at a sentence end.
    public var maxWords: Int

    public init(maxExcerpts: Int = 3, maxWords: Int = 70) {
        self.maxExcerpts = maxExcerpts
        self.maxWords = maxWords
    }

    public func select(from samples: [AnalysisSample], prompt: String) -> [Excerpt] {
        guard maxExcerpts > 0 else { return [] }
        let keywords = Set(Self.words(prompt).filter(Self.isKeyword).map(Self.stem))
        struct Candidate { var sample: String; var index: Int; var text: String; var hits: Int; var typicality: Int }
        var candidates: [Candidate] = []
        for sample in samples.sorted(by: { $0.id < $1.id }) where !sample.aiAssisted {
            for (index, paragraph) in Self.paragraphs(sample.text).enumerated() {
                let words = Self.words(paragraph)
                guard words.count >= 12 else { continue }
                let stems = Set(words.map(Self.stem))
                candidates.append(Candidate(
                    sample: sample.id, index: index, text: paragraph, hits: keywords.intersection(stems).count,
                    typicality: abs(words.count - 50)))
            }
        }
        candidates.sort { a, b in
            if a.hits != b.hits { return a.hits > b.hits }
            if a.hits == 0 && a.typicality != b.typicality { return a.typicality < b.typicality }
            return (a.sample, a.index) < (b.sample, b.index)
        }
        // One excerpt per sample first, for variety; a second from the same sample only if needed.
        var chosen: [Candidate] = []
        var usedSamples = Set<String>()
        for pass in 0..<2 {
            for candidate in candidates where chosen.count < maxExcerpts {
                if chosen.contains(where: { $0.sample == candidate.sample && $0.index == candidate.index }) { continue }
                if pass == 0 && usedSamples.contains(candidate.sample) { continue }
                chosen.append(candidate)
                usedSamples.insert(candidate.sample)
            }
        }
        return chosen.map { Excerpt(sampleID: $0.sample, text: trim($0.text), keywordHits: $0.hits) }
    }

    /// The paragraph cut to `maxWords` at a sentence end when possible.
    func trim(_ paragraph: String) -> String {
        let words = paragraph.split(whereSeparator: \.isWhitespace)
        guard words.count > maxWords else { return words.joined(separator: " ") }
        var kept: [Substring] = []
        for word in words {
            if kept.count >= maxWords { break }
            kept.append(word)
        }
        if let lastEnd = kept.lastIndex(where: { $0.last.map { ".!?".contains($0) } == true }), lastEnd >= maxWords / 3 {
            return kept[...lastEnd].joined(separator: " ")
        }
        return kept.joined(separator: " ") + " …"
    }

    /// Prose paragraphs: blank-line separated, Markdown headings, lists, quotes and code left out.
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var inCode = false
        for block in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let trimmed = block.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("```") {
                let fences = trimmed.components(separatedBy: "```").count - 1
                if fences % 2 == 1 { inCode.toggle() }
                continue
            }
            if inCode || trimmed.isEmpty { continue }
            if let first = trimmed.first, "#-*>|!<".contains(first) { continue }
            if trimmed.range(of: #"^\d+[.)] "#, options: .regularExpression) != nil { continue }
            out.append(trimmed.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        return out
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }
            .map { String($0).replacingOccurrences(of: "’", with: "'") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
            .filter { !$0.isEmpty }
    }

    static func isKeyword(_ word: String) -> Bool {
        word.count >= 3 && !StopWords.all.contains(word) && !StopWords.instructionWords.contains(word)
    }

    /// A light stem so "release" meets "releases" and "shipping" meets "shipped" often enough.
    static func stem(_ word: String) -> String {
        var w = word
        for suffix in ["ing", "ed", "es", "s"] where w.count > suffix.count + 3 && w.hasSuffix(suffix) {
            w.removeLast(suffix.count)
            break
        }
        return w
    }
}
