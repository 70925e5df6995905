import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration
import VoiceCloneText

/// Builds the messages sent to a language model for one piece: a system message of the writer's measured
/// habits, the platform's rules, the tells to avoid and the ground rules; a user message with a few excerpts
/// of the writer's own text and the request. The wording lives in `Resources/prompts/`.
public struct VoicePrompt: Sendable {
    /// The writer's display name.
    public var writer: String
    /// The measured habits; `nil` for a clone too thin to measure, when the excerpts carry the voice alone.
    public var dna: VoiceDNA?
    /// The clone's samples, for excerpts.
    public var samples: [AnalysisSample]
    public var platform: Platform
    /// Extra rules a custom platform preset adds (the vault config's `guidance:`).
    public var platformGuidance: String?
    public var excerpts: ExcerptSelector

    public init(writer: String, dna: VoiceDNA?, samples: [AnalysisSample], platform: Platform,
                platformGuidance: String? = nil, excerpts: ExcerptSelector = ExcerptSelector()) {
        self.writer = writer
        self.dna = dna
        self.samples = samples
        self.platform = platform
        self.platformGuidance = platformGuidance
        self.excerpts = excerpts
    }

    /// The system and user messages for `prompt`.
    /// - Throws: ``PromptError`` for an empty prompt or a broken template.
    public func messages(prompt: String, length: LengthTarget?, threadPosts: Int?) throws -> [GenerationMessage] {
        let request = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !request.isEmpty else { throw PromptError.emptyPrompt }
        let avoid = (PromptResources.avoidList() + EditLessonsPrompt.avoidItems(for: dna)).map { item in
            "- " + item.phrase + (item.instead.map { " (instead: \($0))" } ?? "")
        }
        let system = try PromptResources.template("system.md").render([
            "writer": writer,
            "sample_words": NumberText.grouped(dna?.corpus.words ?? samples.reduce(0) { $0 + WordCount.count($1.text) }),
            "habits": dna.map { StyleInstructions.lines(for: $0).joined(separator: "\n") }
                ?? "- Too little text to measure habits reliably: follow the excerpts below closely.",
            "platform": platform.name,
            "platform_rules": PlatformRules.lines(for: platform, threadPosts: threadPosts, guidance: platformGuidance)
                .joined(separator: "\n"),
            "avoid": avoid.joined(separator: "\n"),
        ], name: "system.md")

        let chosen = excerpts.select(from: samples, prompt: request)
        var excerptBlock = ""
        if !chosen.isEmpty {
            let quotes = chosen.map { "> " + $0.text }.joined(separator: "\n\n")
            excerptBlock = try PromptResources.template("excerpts.md").render(
                ["writer": writer, "quotes": quotes], name: "excerpts.md")
        }
        let user = try PromptResources.template("user.md").render([
            "excerpts": excerptBlock,
            "length": Self.describe(length, platform: platform, threadPosts: threadPosts),
            "destination": platform.name == Platform.generic.name ? "" : " for \(platform.name)",
            "prompt": request,
        ], name: "user.md")
        return [
            GenerationMessage(role: .system, content: system.trimmingCharacters(in: .whitespacesAndNewlines)
                + EditLessonsPrompt.section(for: dna, writer: writer, platform: platform.name)),
            GenerationMessage(role: .user, content: user.trimmingCharacters(in: .whitespacesAndNewlines)),
        ]
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
