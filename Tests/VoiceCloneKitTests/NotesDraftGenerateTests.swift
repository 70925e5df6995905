import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneGeneration

/// `generate` with the offline default: notes in, the writer's framing around them, scores before and after.
@Suite struct NotesDraftGenerateTests {
    typealias F = GenerateFixtures

    static let notes = """
        - the garlic went in late again this year
        - the cloves sat in cold wet soil for a week before the frost
        - next October I will plant them on time
        """

    @Test func notesAreTheContentAndThePlainNotesAreScoredToo() async throws {
        let vault = try F.vault()
        var options = GenerateOptions(clone: "wren-hale", platform: "linkedin", prompt: "", seed: 4)
        options.notes = Self.notes
        let report = try await vault.workspace().generation.generate(options)
        let result = try #require(report.results.first)
        #expect(result.piece.provider == "local" && result.piece.model == "notes-draft")
        for word in ["garlic", "cloves", "frost", "October"] { #expect(result.piece.text.contains(word)) }
        #expect(result.plainNotes != nil)
        #expect(result.aiLikeness != nil)
        let again = try await vault.workspace().generation.generate(options)
        #expect(again.results[0].piece.text == result.piece.text)
    }

    @Test func theDraftsEditsAreReportedWithTheirReasonsAndTheKeptOnesAreInTheText() async throws {
        let vault = try F.vault()
        var options = GenerateOptions(clone: "wren-hale", platform: "linkedin", prompt: "", seed: 4)
        options.notes = Self.notes
        let result = try #require(try await vault.workspace().generation.generate(options).results.first)
        let edits = result.piece.edits
        #expect(!edits.isEmpty, "these notes give the drafter something to shape: \(result.piece.text)")
        for (k, edit) in edits.enumerated() {
            #expect(!edit.kind.isEmpty && !edit.reason.isEmpty && edit.before != edit.after)
            // A kept edit's result is in the text, unless a later edit started from it.
            if !edit.kind.hasPrefix("not kept") {
                #expect(result.piece.text.contains(edit.after) || edits[(k + 1)...].contains { $0.before.contains(edit.after) },
                        "\(edit) not in \(result.piece.text)")
            }
        }
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        let listed = try #require(json?["edits"] as? [[String: Any]])
        #expect(listed.count == edits.count)
        #expect(listed.allSatisfy { Set($0.keys) == ["kind", "before", "after", "reason"] })
    }

    @Test func bulletPointsInThePromptAreNotesAndAPlainTopicGivesASkeleton() async throws {
        let vault = try F.vault()
        let fromPrompt = try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", prompt: Self.notes, seed: 1))
        #expect(fromPrompt.results[0].piece.model == "notes-draft")
        let skeleton = try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", prompt: "garlic", seed: 1))
        #expect(skeleton.results[0].piece.model == "notes-skeleton")
        #expect(skeleton.results[0].piece.text.contains("[hook"))
        #expect(skeleton.results[0].plainNotes == nil)
    }

    @Test func aTopicSkeletonCarriesThePlatformsChecksForEveryVariant() async throws {
        let vault = try F.vault()
        let report = try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", platform: "linkedin", prompt: "garlic",
                                                                          variants: 2, seed: 1))
        #expect(report.results.count == 2)
        for result in report.results {
            #expect(result.piece.model == "notes-skeleton")
            let names = result.piece.checks.map(\.name)
            for name in ["max_chars", "hook", "hashtags"] { #expect(names.contains(name), "\(name) in \(names)") }
            // Placeholders are not writing: no voice match or AI-likeness is claimed for them.
            #expect(result.voiceMatch == nil && result.aiLikeness == nil)
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
            #expect(json?["voice_match"] is NSNull && json?["ai_likeness"] is NSNull)
        }
        // A notes draft is still scored.
        let draft = try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", prompt: Self.notes, seed: 1))
        #expect(draft.results[0].aiLikeness != nil)
    }

    @Test func theRemixerSaysWhatItIs() async throws {
        let vault = try F.vault()
        let report = try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", prompt: "garlic", seed: 1)
            .withEngine(.remix))
        #expect(report.results[0].piece.warnings.contains { $0.contains(LocalDraftEngine.remixLabel) })
    }
}
