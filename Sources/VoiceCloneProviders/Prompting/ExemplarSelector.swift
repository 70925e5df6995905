import Foundation
import VoiceCloneAnalysis
import VoiceCloneText

/// One whole piece of the writer's own (or one whole section of a long one) shown to the model as the example
/// to follow.
public struct Exemplar: Codable, Sendable, Equatable {
    public var sampleID: String
    public var contentType: ContentType
    public var text: String
    /// Whether this is a section of a longer sample rather than the whole of it.
    public var isSection: Bool
    public var tokens: Int

    enum CodingKeys: String, CodingKey {
        case text, tokens
        case sampleID = "sample_id"
        case contentType = "content_type"
        case isSection = "is_section"
    }
}

/// Chooses 1–3 whole samples of the request's kind of writing, the most relevant to the prompt first, fitted to
/// a token budget. Models follow a complete example (its greeting, its sign-off, its P.S., how long its
/// paragraphs run) far better than a description of one, so whole pieces beat excerpts; a sample too long for the
/// budget gives its most relevant whole section (a `## ` section, or a run of paragraphs) instead.
///
/// Deterministic: ties fall back to the sample id, so the same request always sends the same prompt.
public struct ExemplarSelector: Sendable {
    public var maxExemplars: Int
    /// Tokens of exemplar text at most (``TokenEstimate``).
    public var tokenBudget: Int

    public init(maxExemplars: Int = 3, tokenBudget: Int = 3000) {
        self.maxExemplars = maxExemplars
        self.tokenBudget = tokenBudget
    }

    /// Kinds of writing close enough to stand in when the writer has none of the kind asked for, nearest first.
    static func neighbours(of type: ContentType) -> [ContentType] {
        switch type {
        case .social: [.social]
        case .email: [.email, .newsletter]
        case .newsletter: [.newsletter, .email, .blog]
        case .blog: [.blog, .article, .essay, .newsletter]
        case .article, .essay: [type, .article, .essay, .blog]
        case .speech: [.speech]
        case .book: [.book, .essay]
        case .other: [.other]
        }
    }

    /// The samples of the nearest kind the writer has to `contentType` (and that kind), or every sample (and
    /// `nil`) when they have none of any nearby kind or no kind was asked for.
    public static func pool(_ samples: [AnalysisSample], contentType: ContentType?) -> (samples: [AnalysisSample], matched: ContentType?) {
        let usable = samples.filter { !$0.aiAssisted && !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if let contentType {
            for type in neighbours(of: contentType) {
                let matching = usable.filter { $0.contentType == type }
                if !matching.isEmpty { return (matching, type) }
            }
        }
        return (usable, nil)
    }

    /// - Parameter contentType: the kind of writing asked for; `nil` (a generic request) takes any kind.
    public func select(from samples: [AnalysisSample], prompt: String, contentType: ContentType?) -> [Exemplar] {
        guard maxExemplars > 0, tokenBudget > 0 else { return [] }
        let keywords = Set(ExcerptSelector.words(prompt).filter(ExcerptSelector.isKeyword).map(ExcerptSelector.stem))
        let pool = Self.pool(samples, contentType: contentType).samples
        struct Candidate { var sample: AnalysisSample; var text: String; var section: Bool; var relevance: Double; var tokens: Int }
        func relevance(_ text: String) -> Double {
            guard !keywords.isEmpty else { return 0 }
            let stems = Set(ExcerptSelector.words(text).map(ExcerptSelector.stem))
            return Double(keywords.intersection(stems).count) / Double(keywords.count)
        }
        var candidates: [Candidate] = []
        for sample in pool {
            let text = sample.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let tokens = TokenEstimate.tokens(text)
            if tokens <= tokenBudget {
                candidates.append(Candidate(sample: sample, text: text, section: false, relevance: relevance(text), tokens: tokens))
            } else if let best = Self.sections(of: text, fitting: tokenBudget).max(by: { relevance($0) < relevance($1) }) {
                candidates.append(Candidate(sample: sample, text: best, section: true, relevance: relevance(best),
                                            tokens: TokenEstimate.tokens(best)))
            }
        }
        // Most relevant first; then whole pieces before sections; then pieces of a typical length for the budget.
        candidates.sort { a, b in
            if a.relevance != b.relevance { return a.relevance > b.relevance }
            if a.section != b.section { return !a.section }
            return a.sample.id < b.sample.id
        }
        var chosen: [Candidate] = []
        var used = 0
        for candidate in candidates where chosen.count < maxExemplars && used + candidate.tokens <= tokenBudget {
            chosen.append(candidate)
            used += candidate.tokens
        }
        return chosen.map {
            Exemplar(sampleID: $0.sample.id, contentType: $0.sample.contentType, text: $0.text, isSection: $0.section,
                     tokens: $0.tokens)
        }
    }

    /// Whole sections of a long text that fit `budget`: each `## ` section when the text has headings, else runs of
    /// whole paragraphs as long as the budget allows, never cut inside a paragraph.
    static func sections(of text: String, fitting budget: Int) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = normalized.components(separatedBy: "\n")
        var headed: [String] = []
        var current: [String] = []
        for line in lines {
            if line.hasPrefix("## ") || line.hasPrefix("# "), !current.isEmpty {
                headed.append(current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty { headed.append(current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)) }
        let fittingHeaded = headed.filter { !$0.isEmpty && TokenEstimate.tokens($0) <= budget }
        if headed.count > 1 && !fittingHeaded.isEmpty { return fittingHeaded }
        // No headings: consecutive paragraphs, a new run starting whenever the next paragraph would overflow.
        var runs: [String] = []
        var run: [String] = []
        var tokens = 0
        for paragraph in normalized.components(separatedBy: "\n\n").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        where !paragraph.isEmpty {
            let size = TokenEstimate.tokens(paragraph) + 1
            if size > budget { continue }
            if tokens + size > budget && !run.isEmpty {
                runs.append(run.joined(separator: "\n\n"))
                run = []
                tokens = 0
            }
            run.append(paragraph)
            tokens += size
        }
        if !run.isEmpty { runs.append(run.joined(separator: "\n\n")) }
        return runs
    }
}
