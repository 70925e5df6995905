import Foundation
import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneDetection
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

/// The writer's edit lessons reach a language model as do/don't lines with their own before/after examples.
@Suite struct EditLessonsPromptTests {
    static let lessons = EditLessons(pieces: 9, editedPieces: 8, minSupport: 2, lessons: [
        EditLesson(kind: .replace, before: "leverage", after: "use", support: 7, opportunities: 9, examples: [
            EditExample(piece: "p1", before: "we leverage the cache", after: "we use the cache")]),
        EditLesson(kind: .cutSentenceStart, before: "so", support: 5, opportunities: 6, examples: [
            EditExample(piece: "p2", before: "So, we shipped it.", after: "We shipped it.")]),
        EditLesson(kind: .split, value: 25, support: 6, opportunities: 7, examples: []),
        EditLesson(kind: .length, platform: "linkedin", value: -0.12, support: 4, opportunities: 5, examples: []),
    ])

    static func dna() throws -> VoiceDNA {
        var dna = try VoiceAnalyzer().analyze(VoicePromptTests.samples)
        dna.edits = lessons
        return dna
    }

    @Test func linesAreExplicitWithTheWritersExamples() throws {
        let lines = EditLessonsPrompt.lines(for: try Self.dna(), platform: "LinkedIn")
        #expect(lines == [
            "- Don't write \"leverage\"; write \"use\". They changed \"we leverage the cache\" to \"we use the cache\".",
            "- Don't start a sentence with \"So\". They changed \"So, we shipped it.\" to \"We shipped it.\".",
            "- Split any sentence over 25 words into shorter ones. (Seen in 6 of 7 drafts.)",
            "- Do make it about 12% shorter than you otherwise would. (Seen in 4 of 5 drafts.)",
        ])
        #expect(!EditLessonsPrompt.lines(for: try Self.dna(), platform: "x").contains { $0.contains("% shorter") },
                "a length lesson is for its own platform only")
        #expect(EditLessonsPrompt.lines(for: try VoiceAnalyzer().analyze(VoicePromptTests.samples)).isEmpty)
    }

    @Test func systemPromptCarriesTheLessonsAndTheAvoidList() throws {
        let messages = try VoicePrompt(writer: "Dana Okafor", dna: try Self.dna(), samples: VoicePromptTests.samples,
                                       platform: .generic).messages(prompt: "on-call", length: nil, threadPosts: nil)
        let system = messages[0].content
        #expect(system.contains("## What Dana Okafor changes in drafts\nLearned from 8 drafts Dana Okafor edited"))
        #expect(system.contains("- Don't write \"leverage\"; write \"use\"."))
        // On the avoid-list too, with the writer's own replacement when the list had none.
        let everything = messages.map(\.content).joined(separator: "\n")
        #expect(everything.contains("leverage (say "))
        #expect(system.contains("- Don't start a sentence with \"So\"."))
        let plain = try VoicePrompt(writer: "Dana Okafor", dna: VoicePromptTests.dna, samples: VoicePromptTests.samples,
                                    platform: .generic).messages(prompt: "on-call", length: nil, threadPosts: nil)
        #expect(!plain[0].content.contains("changes in drafts"))
    }

    @Test func rewriteInstructionsCarryTheLessons() throws {
        let dna = try Self.dna()
        let guidance = RewriteGuidance(dna: dna, style: RewriteStyle(dna: dna),
                                       detection: Detector().detect("So we leverage it. It is fine."))
        let text = guidance.instructions()
        #expect(text.contains("What this writer changes in drafts (learned from their own edits):\n- Don't write \"leverage\""))
    }
}
