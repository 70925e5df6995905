import Foundation
import Testing
import VoiceCloneTestSupport

/// `generate --notes` and `rewrite --diff` through the built binary.
@Suite struct NotesCommandTests {
    @Test func notesFromStandardInputBecomeADraftWithScoresBeforeAndAfter() throws {
        let (dir, vault, env) = try GenerateTests.vault()
        defer { withExtendedLifetime(dir) {} }
        let notes = "- the garlic went in late again\n- the cloves sat in cold soil for a week\n"
        let r = try CLI.run(["generate", "wren-hale", "--notes", "-", "--seed", "3", "--json"], vault: vault,
                            stdin: Data(notes.utf8), environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let piece = try #require(try GenerateTests.json(r) as? [String: Any])
        #expect(piece["model"] as? String == "notes-draft")
        #expect((piece["text"] as? String)?.contains("garlic") == true)
        #expect(piece["before"] is [String: Any])
        let text = try CLI.run(["generate", "wren-hale", "--notes", "-", "--seed", "3", "--no-stream"], vault: vault,
                               stdin: Data(notes.utf8), environment: env)
        #expect(text.stderr.contains("before = the notes written plainly"))
    }

    @Test func remixIsLabelledAndABadEngineIsAUsageError() throws {
        let (dir, vault, env) = try GenerateTests.vault()
        defer { withExtendedLifetime(dir) {} }
        let remix = try CLI.run(["generate", "wren-hale", "--prompt", "garlic", "--engine", "remix", "--seed", "1", "--no-stream"],
                                vault: vault, environment: env)
        #expect(remix.stderr.contains("not coherent prose"))
        let bad = try CLI.run(["generate", "wren-hale", "--prompt", "garlic", "--engine", "llm"], vault: vault, environment: env)
        #expect(bad.status == 64 || bad.status == 2, "\(bad.status) \(bad.stderr)")
    }
}
