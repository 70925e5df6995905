import Foundation
import Testing
import VoiceCloneTestSupport

/// End to end: `voiceclone merge`, its refusals, `clone list` staleness and `analyze` re-blending.
@Suite struct MergeCommandTests {
    @Test func mergeReportsWeightsAndReblendsWhenStale() throws {
        let dir = TemporaryDirectory("cli-merge")
        let vault = dir.file("vault")
        try #require(try CLI.run(["init", vault.path]).status == 0)
        for name in ["Terse Tom", "Ornate Olive"] { try #require(try CLI.run(["clone", "create", name], vault: vault).status == 0) }
        for i in 0..<2 {
            try #require(try CLI.run(["sample", "add", "terse-tom", "-", "--type", "blog"], vault: vault, stdin: Data(StyledText.terse(UInt64(i)).utf8)).status == 0)
            try #require(try CLI.run(["sample", "add", "ornate-olive", "-", "--type", "essay"], vault: vault, stdin: Data(StyledText.ornate(UInt64(i)).utf8)).status == 0)
        }

        // A source without DNA is refused, naming the command to run.
        var r = try CLI.run(["merge", "terse-tom", "ornate-olive", "--weights", "7,3", "--name", "Brand"], vault: vault)
        #expect(r.status == 1 && r.stderr.contains("voiceclone analyze"))
        #expect(try CLI.run(["analyze", "--all"], vault: vault).status == 0)

        r = try CLI.run(["merge", "terse-tom", "ornate-olive", "--weights", "7,3", "--name", "Brand"], vault: vault)
        #expect(r.status == 0)
        #expect(r.stdout.contains("terse-tom 0.7000") && r.stdout.contains("normalised to sum to 1"))
        let json = try #require(try CLI.json(["merge", "brand", "ornate-olive", "--name", "Brand Two"], vault: vault) as? [String: Any])
        #expect(json["flattened"] as? Bool == true)
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.map { $0["clone"] as? String } == ["terse-tom", "ornate-olive"])
        #expect(sources.map { $0["weight"] as? Double } == [0.35, 0.65])

        // Refusals: bad weights, a count mismatch, a merge into one of its sources.
        r = try CLI.run(["merge", "terse-tom", "ornate-olive", "--weights", "1,-2", "--name", "X"], vault: vault)
        #expect(r.status == 1 && r.stderr.contains("not a positive number"))
        r = try CLI.run(["merge", "terse-tom", "ornate-olive", "--weights", "1", "--name", "X"], vault: vault)
        #expect(r.status == 1 && r.stderr.contains("1 weight for 2 sources"))
        r = try CLI.run(["merge", "terse-tom", "ornate-olive", "--name", "Terse Tom"], vault: vault)
        #expect(r.status == 1 && r.stderr.contains("cannot be merged from itself"))
        r = try CLI.run(["merge", "terse-tom", "--name", "X"], vault: vault)
        #expect(r.status == 2)

        // A source changes: the merged clones are stale until analyze re-blends them.
        try #require(try CLI.run(["sample", "add", "terse-tom", "-", "--type", "blog"], vault: vault, stdin: Data(StyledText.terse(9).utf8)).status == 0)
        #expect(try CLI.run(["analyze", "terse-tom"], vault: vault).stdout.contains("DNA v2 written"))
        var list = try #require(try CLI.json(["clone", "list"], vault: vault) as? [[String: Any]])
        #expect(list.first { $0["slug"] as? String == "brand" }?["stale"] as? Bool == true)
        r = try CLI.run(["analyze", "brand"], vault: vault)
        #expect(r.status == 0 && r.stdout.contains("DNA v2 written"))
        list = try #require(try CLI.json(["clone", "list"], vault: vault) as? [[String: Any]])
        #expect(list.first { $0["slug"] as? String == "brand" }?["stale"] as? Bool == false)
        #expect(try CLI.run(["analyze", "brand"], vault: vault).stdout.contains("unchanged"))
    }
}
