import Foundation
import VoiceCloneAnalysis
import VoiceCloneDetection
import VoiceCloneGeneration
import VoiceCloneText

/// Builds the messages sent to a language model for one piece, examples first: the user message holds 1–3 whole
/// pieces the writer wrote of the kind asked for (``ExemplarSelector``), then the request; the system message
/// holds the habits to keep in *this* piece (``PieceHabits``), the platform's rules, the writer's avoid-list
/// (``AvoidList``) and the ground rules. The wording lives in `Resources/prompts/`.
public struct VoicePrompt: Sendable {
    /// The writer's display name.
    public var writer: String
    /// The measured habits; `nil` for a clone too thin to measure, when the examples carry the voice alone.
    public var dna: VoiceDNA?
    /// The clone's samples, for examples and the shape of each kind of writing.
    public var samples: [AnalysisSample]
    public var platform: Platform
    /// Extra rules a custom platform preset adds (the vault config's `guidance:`).
    public var platformGuidance: String?
    /// Tokens of example text at most (``TokenEstimate/exemplarBudget(model:)`` by default in `generate`).
    public var exemplarTokens: Int
    /// The writer's avoid-list (``DetectionBaseline/avoidList(lexicon:)``); `nil` uses the bundled lists whole.
    public var avoid: AvoidList?
    /// The kind of writing asked for; `nil` takes it from the platform (`x`, `linkedin` → social; `blog`; `email`...).
    public var contentType: ContentType?

    public init(writer: String, dna: VoiceDNA?, samples: [AnalysisSample], platform: Platform,
                platformGuidance: String? = nil, exemplarTokens: Int = 3000) {
        self.writer = writer
        self.dna = dna
        self.samples = samples
        self.platform = platform
        self.platformGuidance = platformGuidance
        self.exemplarTokens = exemplarTokens
    }

    /// The messages and the examples they quote (their sample ids are the piece's provenance).
    public struct Built: Sendable {
        public var messages: [GenerationMessage]
        public var exemplars: [Exemplar]
        /// The whole prompt's size by ``TokenEstimate``.
        public var tokens: Int
    }

    /// The system and user messages for `prompt`.
    /// - Throws: ``PromptError`` for an empty prompt or a broken template.
    public func messages(prompt: String, length: LengthTarget?, threadPosts: Int?) throws -> [GenerationMessage] {
        try build(prompt: prompt, length: length, threadPosts: threadPosts).messages
    }

    public func build(prompt: String, length: LengthTarget?, threadPosts: Int?) throws -> Built {
        let request = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !request.isEmpty else { throw PromptError.emptyPrompt }
        let kind = contentType ?? ContentType(loose: platform.name)
        let pool = ExemplarSelector.pool(samples, contentType: kind)
        let kindName = pool.matched.map(Self.plural) ?? "pieces"
        let headingStyle = HeadingStyle.detect(in: pool.samples.map(\.text)) ?? HeadingStyle.detect(in: samples.map(\.text))
        let habits = PieceHabits(dna: dna, samples: pool.samples, targetWords: Self.targetWords(length, platform: platform, threadPosts: threadPosts),
                                 platform: platform, kindName: kindName)
        var avoidList = avoid ?? AvoidList.build(lexicon: .bundled, habitual: [])
        // What the writer cut or replaced in their own drafts joins the list, with their replacement.
        for item in EditLessonsPrompt.avoidItems(for: dna) where !item.phrase.contains("(") && !avoidList.contains(item.phrase) {
            let entry = item.phrase.lowercased()
            if entry.contains(" ") { avoidList.phrases.append(entry) } else { avoidList.words.append(entry) }
            if let instead = item.instead { avoidList.plain[entry] = instead }
        }
        let system = try PromptResources.template("system.md").render([
            "writer": writer,
            "sample_words": NumberText.grouped(dna?.corpus.words ?? samples.reduce(0) { $0 + WordCount.count($1.text) }),
            "habits": habits.lines().joined(separator: "\n"),
            "platform": platform.name,
            "platform_rules": PlatformRules.lines(for: platform, threadPosts: threadPosts, guidance: platformGuidance,
                                                  writer: writer, headingStyle: headingStyle ?? .sentence)
                .joined(separator: "\n"),
            "avoid": AvoidInstructions.lines(avoidList, habits: .init(dna: dna, titleCaseHeadings: headingStyle == .title))
                .joined(separator: "\n"),
        ], name: "system.md")

        let chosen = ExemplarSelector(tokenBudget: exemplarTokens).select(from: samples, prompt: request, contentType: kind)
        var exemplarBlock = ""
        if !chosen.isEmpty {
            let examples = chosen.map { "<example source=\"\($0.sampleID)\">\n\($0.text)\n</example>" }.joined(separator: "\n\n")
            let count = chosen.count == 1 ? "One" : chosen.count == 2 ? "Two" : "Three"
            let noun = chosen.count == 1 ? Self.singular(kindName) : kindName
            exemplarBlock = try PromptResources.template("exemplars.md").render(
                ["writer": writer, "examples": examples, "count": count, "kind": noun], name: "exemplars.md")
        }
        let user = try PromptResources.template("user.md").render([
            "exemplars": exemplarBlock,
            "length": Self.describe(length, platform: platform, threadPosts: threadPosts),
            "destination": platform.name == Platform.generic.name ? "" : " for \(platform.name)",
            "prompt": request,
        ], name: "user.md")
        let messages = [
            // The writer's own edits (`voiceclone learn`) as do/don't lines with their before/after examples.
            GenerationMessage(role: .system, content: system.trimmingCharacters(in: .whitespacesAndNewlines)
                + EditLessonsPrompt.section(for: dna, writer: writer, platform: platform.name)),
            GenerationMessage(role: .user, content: user.trimmingCharacters(in: .whitespacesAndNewlines)),
        ]
        return Built(messages: messages, exemplars: chosen,
                     tokens: messages.reduce(0) { $0 + TokenEstimate.tokens($1.content) })
    }

    static func plural(_ type: ContentType) -> String {
        switch type {
        case .social: "posts"
        case .email: "emails"
        case .newsletter: "newsletters"
        case .blog: "blog posts"
        case .article: "articles"
        case .essay: "essays"
        case .speech: "talks"
        case .book: "chapters"
        case .other: "pieces"
        }
    }

    static func singular(_ plural: String) -> String {
        plural == "pieces" ? "piece" : String(plural.dropLast())
    }

    /// Words the piece will have: the length asked for, else the platform's default (per post for a thread).
    static func targetWords(_ length: LengthTarget?, platform: Platform, threadPosts: Int?) -> Int {
        switch length {
        case .words(let n)?: return n
        case .characters(let n)?: return max(5, n / 6)
        case nil: return platform.defaultWords * max(1, platform.threads ? (threadPosts ?? 1) : 1)
        }
    }

    static func describe(_ length: LengthTarget?, platform: Platform, threadPosts: Int?) -> String {
        switch length {
        case .words(let n)?: return "about \(NumberText.grouped(n)) words"
        case .characters(let n)?: return "at most \(NumberText.grouped(n)) characters"
        case nil:
            if platform.threads, let posts = threadPosts, posts > 1 { return "a thread of \(posts) posts" }
            return "about \(NumberText.grouped(platform.defaultWords)) words"
        }
    }
}
