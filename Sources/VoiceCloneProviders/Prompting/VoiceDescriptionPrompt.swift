import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration

/// The request behind `analyze --with-llm`: samples of the writer's text, and the JSON shape of a
/// ``QualitativeProfile`` to answer in. Templates: `prompts/describe-system.md`, `prompts/describe-user.md`.
public struct VoiceDescriptionPrompt: Sendable {
    public var writer: String
    public var samples: [AnalysisSample]
    /// Words of sample text sent at most; passages are taken evenly from every sample.
    public var wordBudget: Int

    public init(writer: String, samples: [AnalysisSample], wordBudget: Int = 3000) {
        self.writer = writer
        self.samples = samples
        self.wordBudget = wordBudget
    }

    public func messages() throws -> [GenerationMessage] {
        let passages = selectedPassages()
        let words = passages.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        let system = try PromptResources.template("describe-system.md").render([:], name: "describe-system.md")
        let user = try PromptResources.template("describe-user.md").render(
            ["writer": writer, "words": NumberText.grouped(words), "samples": passages.joined(separator: "\n\n---\n\n")],
            name: "describe-user.md")
        return [
            GenerationMessage(role: .system, content: system.trimmingCharacters(in: .whitespacesAndNewlines)),
            GenerationMessage(role: .user, content: user.trimmingCharacters(in: .whitespacesAndNewlines)),
        ]
    }

    /// Whole blocks, round-robin over the samples (sorted by id), until the budget is spent: every sample
    /// is represented, and the same samples always give the same prompt.
    func selectedPassages() -> [String] {
        let perSample = samples.filter { !$0.aiAssisted }.sorted { $0.id < $1.id }.map { Self.blocks($0.text) }
        var chosen = Array(repeating: [String](), count: perSample.count)
        var used = 0
        var round = 0
        var added = true
        while added && used < wordBudget {
            added = false
            for (i, paragraphs) in perSample.enumerated() where round < paragraphs.count && used < wordBudget {
                let paragraph = paragraphs[round]
                used += paragraph.split(whereSeparator: \.isWhitespace).count
                chosen[i].append(paragraph)
                added = true
            }
            round += 1
        }
        return chosen.filter { !$0.isEmpty }.map { $0.joined(separator: "\n\n") }
    }

    /// The sample's Markdown blocks as written: lists keep their items and line breaks, headings and quotes stay,
    /// because how a writer structures a note is part of the voice. A block that introduces the next one
    /// ("Open issues:") travels with it, so the budget never cuts a list from its lead-in.
    static func blocks(_ text: String) -> [String] {
        var out: [String] = []
        var pending: String?
        for block in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let trimmed = block.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let joined = pending.map { $0 + "\n" + trimmed } ?? trimmed
            if trimmed.hasSuffix(":") {
                pending = joined
            } else {
                out.append(joined)
                pending = nil
            }
        }
        if let pending { out.append(pending) }
        return out
    }
}
