import Foundation
import Testing
import VoiceCloneTestSupport

/// `library diff`, `learn`, `dna show` and `library promote` end to end, through the built binary.
@Suite struct LearnCommandTests {
    /// Saves two offline pieces, puts the writer's edits in (a sentence-initial word cut, a word replaced) and
    /// approves them.
    static func editedVault() throws -> (TemporaryDirectory, URL, [String: String], [String]) {
        let (dir, vault, env) = try GenerateTests.vault()
        // Enough words for a DNA (the fixture's samples are just under the minimum).
        let more = try dir.write("more.md", "The allotment waits for nobody. I go down on Saturday mornings with a flask and a plan, "
            + "and by noon the plan has gone the way of the slugs. There is always more weeding than I remember, and less time.")
        #expect(try CLI.run(["sample", "add", "wren-hale", more.path], vault: vault).status == 0)
        var ids: [String] = []
        for seed in ["3", "4"] {
            let r = try CLI.run(["generate", "wren-hale", "--prompt", "garlic", "--seed", seed, "--save", "--json"],
                                vault: vault, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let saved = try #require((try GenerateTests.json(r) as? [String: Any])?["saved"] as? [String: Any])
            let id = try #require(saved["id"] as? String), path = try #require(saved["path"] as? String)
            let url = vault.appendingPathComponent(path)
            let file = try String(contentsOf: url, encoding: .utf8)
            try Data((file.trimmingCharacters(in: .newlines) + "\n\nHonestly.\n").utf8).write(to: url)
            // The edit the writer keeps making: the same last word after every draft.
            #expect(try CLI.run(["library", "set-status", id, "approved"], vault: vault, environment: env).status == 0)
            ids.append(id)
        }
        return (dir, vault, env, ids)
    }

    @Test func diffLearnShowAndPromote() throws {
        let (dir, vault, env, ids) = try Self.editedVault()
        defer { withExtendedLifetime(dir) {} }
        let diff = try CLI.run(["library", "diff", ids[0]], vault: vault, environment: env)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("\n\n{+Honestly.+}"), "\(diff.stdout)")
        let diffJSON = try #require(try GenerateTests.json(try CLI.run(["library", "diff", ids[0], "--json"], vault: vault,
                                                                        environment: env)) as? [String: Any])
        for key in ["id", "clone", "draft_commit", "draft_date", "words_before", "words_after", "words_kept", "changed_share",
                    "segments", "inline", "status", "platform"] {
            #expect(diffJSON[key] != nil, "library diff --json lacks \(key)")
        }

        let learn = try CLI.run(["learn", "wren-hale", "--json"], vault: vault, environment: env)
        #expect(learn.status == 0, "\(learn.stderr)")
        let report = try #require(try GenerateTests.json(learn) as? [String: Any])
        #expect(report["pieces"] as? Int == 2 && report["edited_pieces"] as? Int == 2 && report["min_support"] as? Int == 2)
        let summary = try #require(report["summary"] as? [String])
        #expect(summary.contains("you added 'honestly' in 2 of 2 drafts"), "\(summary)")
        let show = try CLI.run(["dna", "show", "wren-hale"], vault: vault, environment: env)
        #expect(show.stdout.contains("From your edits of 2 approved or published pieces (voiceclone learn):"))
        #expect(try CLI.run(["dna", "show", "wren-hale", "--json"], vault: vault, environment: env).stdout.contains("\"edits\": {"))

        let promote = try CLI.run(["library", "promote", ids[1]], vault: vault, environment: env)
        #expect(promote.status == 0, "\(promote.stderr)")
        #expect(promote.stdout.contains("is now sample") && promote.stdout.contains("ai_assisted"))
        #expect(try ProcessRunner.git(["status", "--porcelain", "clones"], in: vault).isEmpty, "promote commits the sample")
    }

    @Test func usageErrorsExitTwo() throws {
        let (dir, vault, env) = try GenerateTests.vault()
        defer { withExtendedLifetime(dir) {} }
        #expect(try CLI.run(["learn"], vault: vault, environment: env).status == 2)
        #expect(try CLI.run(["learn", "wren-hale", "--min-support", "1"], vault: vault, environment: env).status == 2)
        let missing = try CLI.run(["library", "diff", "no-such-piece"], vault: vault, environment: env)
        #expect(missing.status == 1 && missing.stderr.contains("the library has no piece \"no-such-piece\""))
    }
}
