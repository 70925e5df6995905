import Foundation
import VoiceCloneDetection
import VoiceCloneGeneration

/// The follow-up message of `generate --refine` for a language model: the draft's two scores against their aims,
/// the largest differences from the writer's voice in words, and the DNA-grounded rewrite instructions with the
/// flagged sentences, their reasons and suggestions. The wording lives in `Resources/prompts/refine.md`.
///
/// The model sees its own draft as the previous assistant turn, so the feedback can say "the piece you wrote
/// above" instead of pasting it twice.
public struct RefineFeedback: Sendable {
    public var writer: String
    public var voiceMatch: Int?
    public var aiLikeness: Int
    public var minVoiceMatch: Int
    public var maxAILikeness: Int
    /// Differences from the voice's DNA traits, largest first (what `match` reports).
    public var differences: [String]
    /// The platform and no-copy checks the draft failed, in words ("3,412 of 3,000 characters").
    public var failedChecks: [String]
    /// The draft's detection against the writer (its flags are listed when there is no `guidance`).
    public var detection: DetectionResult
    /// The writer's habits and the flags as instructions; `nil` when the clone is too thin for a DNA.
    public var guidance: RewriteGuidance?
    public var platform: Platform
    public var length: LengthTarget?
    public var threadPosts: Int?

    public init(writer: String, voiceMatch: Int?, aiLikeness: Int, minVoiceMatch: Int, maxAILikeness: Int,
                differences: [String], failedChecks: [String] = [], detection: DetectionResult, guidance: RewriteGuidance?, platform: Platform,
                length: LengthTarget?, threadPosts: Int?) {
        self.writer = writer
        self.voiceMatch = voiceMatch
        self.aiLikeness = aiLikeness
        self.minVoiceMatch = minVoiceMatch
        self.maxAILikeness = maxAILikeness
        self.differences = differences
        self.failedChecks = failedChecks
        self.detection = detection
        self.guidance = guidance
        self.platform = platform
        self.length = length
        self.threadPosts = threadPosts
    }

    /// The feedback text.
    public func message() throws -> String {
        var differenceBlock = ""
        if !differences.isEmpty {
            differenceBlock = "\nWhere it differs most from \(writer)'s measured voice:\n"
                + differences.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        var problemBlock = ""
        if !failedChecks.isEmpty {
            problemBlock = "\nIt breaks these rules; fix them first:\n" + failedChecks.map { "- " + $0 }.joined(separator: "\n") + "\n"
        }
        let instructions: String
        if let guidance {
            instructions = guidance.instructions()
        } else if detection.flags.isEmpty {
            instructions = "Follow the excerpts of \(writer)'s writing in the first message more closely."
        } else {
            instructions = "Sentences that read as machine-written, with what to change:\n" + detection.flags.prefix(12)
                .map { "- \"\($0.sentence)\": \($0.reasons.joined(separator: "; ")). \($0.suggestion)" }
                .joined(separator: "\n")
        }
        return try PromptResources.template("refine.md").render([
            "voice_match": voiceMatch.map { "\($0)/100" } ?? "(not measurable)",
            "writer": writer,
            "min_match": String(minVoiceMatch),
            "ai_likeness": String(aiLikeness),
            "max_ai": String(maxAILikeness),
            "differences": differenceBlock,
            "problems": problemBlock,
            "instructions": instructions,
            "length": VoicePrompt.describe(length, platform: platform, threadPosts: threadPosts),
        ], name: "refine.md").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The conversation for the follow-up request: the first request's messages, the draft as the model's
    /// answer, and this feedback.
    public func messages(after original: [GenerationMessage], draft: String) throws -> [GenerationMessage] {
        original + [GenerationMessage(role: .assistant, content: draft), GenerationMessage(role: .user, content: try message())]
    }
}
