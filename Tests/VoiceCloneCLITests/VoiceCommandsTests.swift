import Foundation
import Testing
import VoiceCloneTestSupport

/// End to end: analyze, dna, stats, attribute, match, and the history commands, through the built binary.
@Suite struct VoiceCommandsTests {
    /// A vault made with the CLI: two writers, three samples each, piped in on stdin.
    static func vault() throws -> (TemporaryDirectory, URL) {
        let dir = TemporaryDirectory("cli-voice")
        let vault = dir.file("vault")
        try #require(try CLI.run(["init", vault.path]).status == 0)
        for name in ["Terse Tom", "Ornate Olive"] { try #require(try CLI.run(["clone", "create", name], vault: vault).status == 0) }
        for i in 0..<3 {
            try #require(try CLI.run(["sample", "add", "terse-tom", "-", "--type", "blog"], vault: vault, stdin: Data(StyledText.terse(UInt64(i)).utf8)).status == 0)
            try #require(try CLI.run(["sample", "add", "ornate-olive", "-", "--type", "essay"], vault: vault, stdin: Data(StyledText.ornate(UInt64(i)).utf8)).status == 0)
        }
        return (dir, vault)
    }

    @Test func analyzeShowLogDiff() throws {
        let (dir, vault) = try Self.vault()
        let all = try #require(try CLI.json(["analyze", "--all"], vault: vault) as? [[String: Any]])
        #expect(all.map { $0["status"] as? String } == ["written", "written"])
        var r = try CLI.run(["analyze", "terse-tom"], vault: vault)
        #expect(r.status == 0)
        #expect(r.stdout.contains("unchanged"))

        // --json prints the file itself, byte for byte.
        r = try CLI.run(["dna", "show", "terse-tom", "--json"], vault: vault)
        let file = try String(contentsOf: vault.appendingPathComponent("clones/terse-tom/dna/v0001.json"), encoding: .utf8)
        #expect(r.stdout == file)
        r = try CLI.run(["dna", "show", "terse-tom"], vault: vault)
        #expect(r.stdout.contains("short sentences:"))
        #expect(r.stdout.contains("typical 18.0 words"))

        try dir.write("more.md", StyledText.ornate(77, words: 600))
        #expect(try CLI.run(["sample", "add", "terse-tom", dir.file("more.md").path], vault: vault).status == 0)
        r = try CLI.run(["analyze", "terse-tom"], vault: vault)
        #expect(r.stdout.contains("DNA v2 written"))
        let log = try #require(try CLI.json(["dna", "log", "terse-tom"], vault: vault) as? [[String: Any]])
        #expect(log.map { $0["version"] as? Int } == [1, 2])
        let diff = try #require(try CLI.json(["dna", "diff", "terse-tom"], vault: vault) as? [String: Any])
        #expect(diff["from"] as? Int == 1 && diff["to"] as? Int == 2)
        r = try CLI.run(["dna", "diff", "terse-tom"], vault: vault)
        #expect(r.stdout.contains("1 sample added"))
        // git diff shows the revision value by value: one number per line.
        let gitDiff = try ProcessRunner.run("/usr/bin/git", ["diff", "--no-index", "--", "clones/terse-tom/dna/v0001.json", "clones/terse-tom/dna/v0002.json"], in: vault).stdout
        #expect(gitDiff.contains("\"mean_length\""))

        r = try CLI.run(["dna", "show", "terse-tom", "--version", "9"], vault: vault)
        #expect(r.status == 1)
        #expect(r.stderr.contains("no DNA version 9"))
    }

    @Test func statsJSONUsesTheDNANames() throws {
        let dir = TemporaryDirectory("cli-stats")
        let a = try dir.write("a.md", "---\ntitle: Front matter is not prose\n---\nThe cat sat on the mat. It was happy.\n")
        let one = try #require(try CLI.json(["stats", a.path]) as? [String: Any])
        #expect(one["file"] as? String == a.path)
        #expect(one["words"] as? Int == 9)
        let readability = try #require(one["readability"] as? [String: Any])
        #expect(readability["flesch_reading_ease"] is Double)
        #expect(readability["flesch_kincaid_grade"] is Double)
        let two = try #require(try CLI.json(["stats", a.path, "-"], stdin: Data("Short text here.".utf8)) as? [[String: Any]])
        #expect(two.map { $0["file"] as? String } == [a.path, "-"])
        let r = try CLI.run(["stats", dir.file("nope.txt").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nope.txt"))
    }

    @Test func attributeAndMatchJSON() throws {
        let (dir, vault) = try Self.vault()
        let terse = try dir.write("t.md", StyledText.terse(555, words: 400))
        let ornate = try dir.write("o.md", StyledText.ornate(556, words: 400))
        let many = try #require(try CLI.json(["attribute", terse.path, ornate.path], vault: vault) as? [[String: Any]])
        #expect(many.map { $0["best"] as? String } == ["terse-tom", "ornate-olive"])
        let ranking = try #require(many[0]["ranking"] as? [[String: Any]])
        #expect(ranking.count == 2)
        #expect(ranking.allSatisfy { $0["clone"] is String && $0["distance"] is Double && $0["probability"] is Double })
        // The share among these voices and the posterior (none of them included) are two figures, labelled as such.
        #expect(ranking.allSatisfy { $0["writer_probability"] is Double })
        let table = try CLI.run(["attribute", terse.path], vault: vault).stdout
        #expect(table.contains("SHARE AMONG THESE") && table.contains("WROTE IT") && !table.contains("PROBABILITY"))
        #expect(many[0]["file"] as? String == terse.path)
        let top1 = try #require(try CLI.json(["attribute", terse.path, "--top", "1"], vault: vault) as? [String: Any])
        #expect((top1["ranking"] as? [Any])?.count == 1)
        let fixed = try #require(try CLI.json(["attribute", terse.path, "--mfw", "300", "--fixed-mfw"], vault: vault) as? [String: Any])
        #expect(fixed["best"] as? String == "terse-tom")

        let match = try #require(try CLI.json(["match", "terse-tom", ornate.path], vault: vault) as? [String: Any])
        #expect((match["score"] as? Int ?? 100) < 50)
        // 400 words: calibrated at its own length, so the band carries the length and no short-text warning is
        // printed; 22 words still get one.
        let codes = { (json: [String: Any]) in (json["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        #expect(!codes(match).contains("short-text"), "\(match["warnings"] ?? "")")
        let short = try dir.write("s.md", "In the long evenings of that autumn, the old gardener walked slowly between the well-kept hedges, and the matter was considered closed.\n")
        let shortMatch = try #require(try CLI.json(["match", "terse-tom", short.path], vault: vault) as? [String: Any])
        #expect(codes(shortMatch).contains("short-text"))
        // One count on one line: "well-kept" is one word in the headline and in the warning, as people count it.
        let shortText = try CLI.run(["match", "terse-tom", short.path], vault: vault).stdout
        #expect(shortMatch["words"] as? Int == 22)
        #expect(shortText.contains("22 words)") && shortText.contains("The text has 22 words"), "\(shortText)")
        // `attribute` counts the same way.
        let attributed = try CLI.run(["attribute", short.path], vault: vault).stdout
        #expect(attributed.contains("(22 words)") && attributed.contains("The text has 22 words"), "\(attributed)")
        let r = try CLI.run(["attribute", terse.path, "--clones", "terse-tom,nobody"], vault: vault)
        #expect(r.status == 1)
        #expect(r.stderr.contains("nobody"))
    }

    @Test func remoteSyncStatusLog() throws {
        let (dir, vault) = try Self.vault()
        let bare = dir.file("remote.git")
        _ = try ProcessRunner.git(["init", "-q", "--bare", bare.path], in: dir.url)
        #expect(try CLI.run(["remote", "add", "origin", bare.path], vault: vault).status == 0)
        let remotes = try #require(try CLI.json(["remote", "list"], vault: vault) as? [[String: Any]])
        #expect(remotes.first?["name"] as? String == "origin")
        let sync = try #require(try CLI.json(["sync"], vault: vault) as? [String: Any])
        #expect(sync["outcome"] as? String == "pushed")

        let other = dir.file("other")
        // A second machine joins by cloning the vault (issue 15), so its first sync has nothing to bring in.
        let joined = try CLI.run(["init", other.path, "--remote", bare.path])
        #expect(joined.status == 0)
        #expect(joined.stdout.contains("Joined"))
        let pulled = try #require(try CLI.json(["sync"], vault: other) as? [String: Any])
        #expect(pulled["outcome"] as? String == "up_to_date")
        let clones = try #require(try CLI.json(["clone", "list"], vault: other) as? [[String: Any]])
        #expect(clones.count == 2)

        let status = try #require(try CLI.json(["status"], vault: other) as? [String: Any])
        #expect((status["uncommitted"] as? [Any])?.isEmpty == true)
        let log = try #require(try CLI.json(["log", "terse-tom"], vault: vault) as? [[String: Any]])
        #expect(log.contains { ($0["summary"] as? String ?? "").contains("add sample") })
    }
}
