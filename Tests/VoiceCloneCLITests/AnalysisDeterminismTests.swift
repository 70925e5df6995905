import Foundation
import Testing
import VoiceCloneTestSupport

/// Determinism across processes: every run hashes with a new random seed, so any dependence on dictionary order
/// would show up here as different bytes.
@Suite struct AnalysisDeterminismTests {
    @Test func twoVaultsTwoProcessesSameSamplesSameBytes() throws {
        let dir = TemporaryDirectory("cli-determinism")
        var files: [Data] = []
        for (k, order) in [[0, 1, 2], [2, 0, 1]].enumerated() {
            let vault = dir.file("vault\(k)")
            try #require(try CLI.run(["init", vault.path]).status == 0)
            for name in ["Terse Tom", "Ornate Olive"] { try #require(try CLI.run(["clone", "create", name], vault: vault).status == 0) }
            for i in order {
                try #require(try CLI.run(["sample", "add", "terse-tom", "-", "--type", i == 1 ? "email" : "blog"], vault: vault, stdin: Data(StyledText.terse(UInt64(i)).utf8)).status == 0)
                try #require(try CLI.run(["sample", "add", "ornate-olive", "-", "--type", "essay"], vault: vault, stdin: Data(StyledText.ornate(UInt64(i)).utf8)).status == 0)
            }
            try #require(try CLI.run(["analyze", "--all"], vault: vault).status == 0)
            try #require(try CLI.run(["merge", "terse-tom", "ornate-olive", "--weights", "2,1", "--name", "Blend"], vault: vault).status == 0)
            for path in ["clones/terse-tom/dna/v0001.json", "clones/ornate-olive/dna/v0001.json", "clones/blend/dna/v0001.json"] {
                files.append(try Data(contentsOf: vault.appendingPathComponent(path)))
            }
        }
        #expect(files[0] == files[3] && files[1] == files[4] && files[2] == files[5])
        #expect(files[0] != files[1])
        // stats --json in two processes.
        try dir.write("text.md", StyledText.ornate(5))
        let a = try CLI.run(["stats", "--json", dir.file("text.md").path]).stdout
        let b = try CLI.run(["stats", "--json", dir.file("text.md").path]).stdout
        #expect(!a.isEmpty && a == b)
    }
}
