import Foundation
import Testing
import VoiceCloneTestSupport

/// `generate --refine` and `rewrite --provider` through the built binary.
@Suite struct RefineCommandTests {
    typealias G = GenerateTests

    @Test func refineJSONAndTextReportEveryRound() throws {
        let (dir, vault, env) = try G.vault()
        defer { withExtendedLifetime(dir) {} }
        let args = ["generate", "wren-hale", "--prompt", "garlic in the rain", "--seed", "8", "--refine", "2",
                    "--min-match", "100", "--max-ai", "0", "--json"]
        // Aims no text can meet: the piece is printed, and the unmet check makes the exit status 1 (issue 15).
        let a = try CLI.run(args, vault: vault, environment: env)
        #expect(a.status == 1, "\(a.stderr)")
        #expect(a.stderr.contains("refine aims not met"))
        #expect(a.stdout == (try CLI.run(args, vault: vault, environment: env)).stdout, "reproducible with --seed")
        let piece = try #require(try G.json(a) as? [String: Any])
        let rounds = try #require(piece["rounds"] as? [[String: Any]])
        #expect(rounds.count == 2, "aims no text meets: both rounds run")
        for (i, round) in rounds.enumerated() {
            #expect(Set(round.keys) == ["round", "voice_match", "same_writer_probability", "ai_likeness", "action", "passed", "failed_checks"])
            #expect(round["round"] as? Int == i + 1)
        }
        #expect(rounds[0]["action"] as? String == "draft")
        let refine = try #require(piece["refine"] as? [String: Any])
        #expect(refine["min_voice_match"] as? Int == 100 && refine["max_ai_likeness"] as? Int == 0)
        #expect(refine["passed"] as? Bool == false)
        let kept = try #require(refine["kept_round"] as? Int)
        #expect(piece["ai_likeness"] as? Int == rounds[kept - 1]["ai_likeness"] as? Int)
        #expect(piece["voice_match"] as? Int == rounds[kept - 1]["voice_match"] as? Int)

        // Text mode: one line per round, then the kept round, on stderr; stdout holds only the piece.
        let plain = try CLI.run(Array(args.dropLast()), vault: vault, environment: env)
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("round 1: voice match") && plain.stderr.contains("round 2: voice match"))
        #expect(plain.stderr.contains("kept round \(kept)") && plain.stderr.contains("AI-likeness"))
        #expect(!plain.stdout.contains("round 1"))

        let bad = try CLI.run(["generate", "wren-hale", "--prompt", "x", "--max-ai", "20"], vault: vault, environment: env)
        #expect(bad.status == 2 && bad.stderr.contains("--refine"))
        let zero = try CLI.run(["generate", "wren-hale", "--prompt", "x", "--refine", "0"], vault: vault, environment: env)
        #expect(zero.status == 2 && zero.stderr.contains("1 to 10"))
    }

    @Test func refineDryRunSaysOnlyTheFirstRequestIsShown() throws {
        let (dir, vault, env) = try G.vault()
        defer { withExtendedLifetime(dir) {} }
        let r = try CLI.run(["generate", "wren-hale", "--provider", "openai", "--prompt", "garlic", "--refine", "3", "--dry-run"],
                            vault: vault, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("only the first request"))
        #expect(r.stdout.hasPrefix("POST https://api.openai.com/v1/chat/completions"))
    }

    @Test func rewriteWithAProvider() throws {
        let (dir, vault, env) = try G.vault()
        defer { withExtendedLifetime(dir) {} }
        // One more note, so the clone has the 300 words `analyze` needs.
        let note = "The shed roof leaks again. I've patched it twice this year, and twice the rain found a new way in. "
            + "I don't mind much. The spiders like it, the mice like it, and I like sitting there with a mug of tea, "
            + "listening to the drip and pretending I'll fix it properly next spring. I won't, of course. Nobody does."
        try #require(try CLI.run(["sample", "add", "wren-hale", "-"], vault: vault, stdin: Data(note.utf8)).status == 0)
        let analysed = try CLI.run(["analyze", "wren-hale"], vault: vault)
        try #require(analysed.status == 0, "\(analysed.stderr)")
        let draft = "In today's fast-paced world, gardening is a testament to patience. Moreover, garlic rewards careful planning."
        let draftFile = try dir.write("draft.md", draft)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", sequence: [
            .openAIChat("Gardening takes patience. Garlic rewards careful planning."), .openAIChat("Garlic is nice."),
        ])
        var withKey = env
        withKey["OPENAI_API_KEY"] = G.key
        let args = ["rewrite", "wren-hale", draftFile.path, "--provider", "openai", "--base-url", server.url("/v1")]
        let ok = try CLI.run(args + ["--json"], vault: vault, environment: withKey)
        #expect(ok.status == 0, "\(ok.stderr)")
        let report = try #require(try G.json(ok) as? [String: Any])
        #expect(report["engine"] as? String == "openai")
        #expect(report["text"] as? String == "Gardening takes patience. Garlic rewards careful planning.")
        #expect(report["before"] != nil && report["after"] != nil && report["diff"] != nil)
        let system = try #require((server.requests.first?.jsonObject?["messages"] as? [[String: String]])?.first?["content"])
        #expect(system.contains("The writer's habits, measured from their samples"))

        let refused = try CLI.run(args, vault: vault, environment: withKey)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("refused the openai rewrite of \(draftFile.path)"))
        #expect(refused.stderr.contains("The draft is unchanged"))
        #expect(!refused.stderr.contains(G.key))
        #expect(try String(contentsOf: draftFile, encoding: .utf8) == draft)
    }
}
