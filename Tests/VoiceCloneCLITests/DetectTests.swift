import Foundation
import Testing
import VoiceCloneTestSupport

/// End to end: `detect` and `rewrite` through the built binary.
@Suite struct DetectTests {
    static let machineDraft = """
        In today's fast-paced world, effective teamwork is more important than ever. In this article, we will delve into the key practices that help teams thrive.

        First and foremost, it's important to note that teamwork is not just a process, but a mindset. Moreover, strong teams foster trust, build momentum, and deliver meaningful results. Furthermore, they navigate the complex landscape of modern work with confidence.

        In conclusion, great teamwork is not just about tasks, but about people.
        """

    /// A writer who loves em dashes and contractions, in enough words for `analyze`.
    static func dashSample(_ seed: Int) -> String {
        let bank = [
            "I shipped the fix on day \(seed) — late, but it held.",
            "We don't deploy on Fridays — well, we didn't, until the queue changed.",
            "The pager went off twice — both times for the same disk.",
            "It's never the database — except when it's the database.",
            "I'd rather write the rollback first — it's cheaper than writing it at three in the morning.",
            "Latency fell by a third — nobody noticed, which is the point.",
            "We'll see how the cache behaves next week — I'm not betting on it.",
            "The runbook was wrong — not badly, just wrong enough to cost an hour.",
            "Tests that sleep are tests that lie — we replaced every one of them.",
            "Nobody reads the dashboard — so I put the numbers in the standup notes instead.",
        ]
        return (0..<30).map { bank[($0 * 7 + seed) % bank.count] }.joined(separator: " ")
    }

    static func vault() throws -> (TemporaryDirectory, URL) {
        let dir = TemporaryDirectory("cli-detect")
        let vault = dir.file("vault")
        try #require(try CLI.run(["init", vault.path]).status == 0)
        try #require(try CLI.run(["clone", "create", "Dash Dana"], vault: vault).status == 0)
        for i in 0..<3 {
            try #require(try CLI.run(["sample", "add", "dash-dana", "-"], vault: vault, stdin: Data(dashSample(i).utf8)).status == 0)
        }
        try dir.write("draft.md", machineDraft)
        return (dir, vault)
    }

    @Test func detectJSONHasTheDocumentedShape() throws {
        let (dir, vault) = try Self.vault()
        let report = try #require(try CLI.json(["detect", dir.file("draft.md").path], vault: vault) as? [String: Any])
        #expect(report["file"] as? String == dir.file("draft.md").path)
        let score = try #require(report["score"] as? Int)
        #expect((0...100).contains(score) && score >= 80)
        // The draft is under 80 words: a high score, a band, and no verdict.
        #expect(report["likely_ai"] as? Bool == false && report["verdict_withheld"] as? Bool == true)
        #expect((report["band"] as? [String: Int])?["high"] ?? 0 >= score)
        let signals = try #require(report["signals"] as? [[String: Any]])
        #expect(signals.count >= 12)
        for s in signals {
            #expect(s["name"] is String && s["value"] is Double && s["weight"] is Double)
        }
        let flags = try #require(report["flags"] as? [[String: Any]])
        #expect(!flags.isEmpty)
        let draft = Array(Self.machineDraft.utf8)
        for f in flags {
            let span = try #require(f["span"] as? [String: Int])
            let sentence = try #require(f["sentence"] as? String)
            #expect(String(decoding: draft[span["start"]!..<span["end"]!], as: UTF8.self) == sentence)
            #expect(!(try #require(f["reasons"] as? [String])).isEmpty)
            #expect(!(try #require(f["suggestion"] as? String)).isEmpty)
        }
        // Several files give an array, in order; the same input gives the same bytes.
        try dir.write("human.md", "I fixed the build. It took an hour, and I'm still annoyed about the flaky test that hid the real failure.")
        let many = try #require(try CLI.json(["detect", dir.file("draft.md").path, dir.file("human.md").path], vault: vault) as? [[String: Any]])
        #expect(many.map { $0["file"] as? String } == [dir.file("draft.md").path, dir.file("human.md").path])
        #expect((many[1]["likely_ai"] as? Bool) == false)
        let a = try CLI.run(["detect", dir.file("draft.md").path, "--json"], vault: vault).stdout
        let b = try CLI.run(["detect", dir.file("draft.md").path, "--json"], vault: vault).stdout
        #expect(a == b)
    }

    @Test func textOutputThresholdStdinAndErrors() throws {
        let (dir, vault) = try Self.vault()
        var r = try CLI.run(["detect", "-"], vault: vault, stdin: Data(Self.machineDraft.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("standard input: AI-likeness"))
        #expect(r.stdout.contains("why:") && r.stdout.contains("try:"))
        r = try CLI.run(["detect", dir.file("draft.md").path, "--threshold", "99", "--json"], vault: vault)
        #expect(r.stdout.contains("\"threshold\" : 99"))
        r = try CLI.run(["detect", dir.file("draft.md").path, "--threshold", "0"], vault: vault)
        #expect(r.status == 2)
        r = try CLI.run(["detect", dir.file("draft.md").path, "/no/such/file.md"], vault: vault)
        #expect(r.status == 1)
        #expect(r.stderr.contains("/no/such/file.md"))
        #expect(r.stdout.contains("AI-likeness"))
        // Outside any vault, detect still works (no clone baseline possible).
        r = try CLI.run(["detect", dir.file("draft.md").path], in: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        try dir.write("empty.md", "---\ntitle: Nothing yet\n---\n\n")
        r = try CLI.run(["detect", dir.file("empty.md").path], vault: vault)
        #expect(r.status == 1)
        #expect(r.stderr.contains("empty.md has no words to judge"))
        r = try CLI.run(["detect", dir.file("draft.md").path, "--clone", "ghost"], vault: vault)
        #expect(r.status == 1)
        #expect(r.stderr.contains("ghost"))
    }

    @Test func cloneBaselineForgivesTheWritersHabits() throws {
        let (dir, vault) = try Self.vault()
        try dir.write("dashes.md", "The deploy went out — late. The pager stayed quiet — mostly. I'd call it a win — for now.")
        let plain = try #require(try CLI.json(["detect", dir.file("dashes.md").path], vault: vault) as? [String: Any])
        let judged = try #require(try CLI.json(["detect", dir.file("dashes.md").path, "--clone", "dash-dana"], vault: vault) as? [String: Any])
        func dashFlags(_ r: [String: Any]) -> Int {
            ((r["flags"] as? [[String: Any]]) ?? []).filter { (($0["signals"] as? [String]) ?? []).contains("em_dashes") }.count
        }
        #expect(dashFlags(plain) > 0)
        #expect(dashFlags(judged) == 0)
        #expect(judged["baseline"] as? String == "dash-dana")
        #expect((judged["score"] as? Int ?? 100) <= (plain["score"] as? Int ?? 0))
    }

    @Test func rewriteKeepsContentAndReportsScores() throws {
        let (dir, vault) = try Self.vault()
        var r = try CLI.run(["rewrite", "dash-dana", dir.file("draft.md").path], vault: vault)
        #expect(r.status == 1)
        #expect(r.stderr.contains("voiceclone analyze dash-dana"))
        try #require(try CLI.run(["analyze", "dash-dana"], vault: vault).status == 0)

        let report = try #require(try CLI.json(["rewrite", "dash-dana", dir.file("draft.md").path], vault: vault) as? [String: Any])
        let text = try #require(report["text"] as? String)
        #expect(!text.contains("tapestry") && !text.contains("delve") && !text.contains("Moreover,"))
        #expect((report["content_word_recall"] as? Double ?? 0) >= 0.95)
        let before = try #require(report["before"] as? [String: Int]), after = try #require(report["after"] as? [String: Int])
        #expect(after["ai_likeness"]! < before["ai_likeness"]!)
        #expect(after["voice_match"] != nil)
        let changes = (report["diff"] as? [String: Any])?["changes"] as? [[String: Any]]
        #expect((changes?.count ?? 0) >= 3)

        r = try CLI.run(["rewrite", "dash-dana", dir.file("draft.md").path, "--diff"], vault: vault)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\n+ ") || r.stdout.hasPrefix("- "))
        #expect(r.stderr.contains("AI-likeness") && r.stderr.contains("content words kept"))
        r = try CLI.run(["rewrite", "dash-dana", "-"], vault: vault, stdin: Data(Self.machineDraft.utf8))
        #expect(r.status == 0)
        #expect(!r.stdout.contains("delve"))
        // Nothing in the vault changed: rewrite writes no files.
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: vault).isEmpty)
    }
}
