import Foundation
import Testing
import VoiceCloneTestSupport

/// Issue 15, item 9 of the audit: what the CLI prints and how it exits on hostile or unmet input.
@Suite struct OutputSafetyTests {
    static func vault() throws -> (TemporaryDirectory, URL) {
        let dir = TemporaryDirectory("out")
        let vault = dir.file("vault")
        #expect(try CLI.run(["init", vault.path]).status == 0)
        #expect(try CLI.run(["clone", "create", "Terse Tom"], vault: vault).status == 0)
        for i in 0..<3 {
            try dir.write("vault/clones/terse-tom/samples/t\(i).md", "---\ntitle: T\(i)\n---\n" + StyledText.terse(UInt64(i)))
        }
        _ = try ProcessRunner.git(["add", "-A"], in: vault)
        _ = try ProcessRunner.git(["commit", "-qm", "samples"], in: vault)
        return (dir, vault)
    }

    @Test func escapeSequencesInNamesAreNotPrintedRaw() throws {
        let (dir, vault) = try Self.vault()
        try dir.write("vault/clones/terse-tom/samples/evil.md", "---\ntitle: \"red \\e[31mALERT\\e]0;owned\\a\"\n---\nSome words in a sample.\n")
        let list = try CLI.run(["sample", "list", "terse-tom"], vault: vault)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("\u{1B}") && !list.stdout.contains("\u{07}"))
        #expect(list.stdout.contains("\\x1b[31mALERT"))
    }

    @Test func cloneShowPrintsAvatarAndNotes() throws {
        let (dir, vault) = try Self.vault()
        defer { withExtendedLifetime(dir) {} }
        let edit = try CLI.run(["clone", "edit", "terse-tom", "--avatar", "avatars/tom.png", "--notes", "Writes for on-call engineers."], vault: vault)
        #expect(edit.status == 0, "\(edit.stderr)")
        let show = try CLI.run(["clone", "show", "terse-tom"], vault: vault)
        #expect(show.stdout.contains("Avatar: avatars/tom.png"))
        #expect(show.stdout.contains("Writes for on-call engineers."))
        let json = try #require(try CLI.json(["clone", "show", "terse-tom"], vault: vault) as? [String: Any])
        #expect(json["avatar"] as? String == "avatars/tom.png")
    }

    @Test func conflictMarkersAreLeftOutOfAnalysisAndNamed() throws {
        let (dir, vault) = try Self.vault()
        try dir.write("vault/clones/terse-tom/samples/merged.md",
                      "---\ntitle: M\n---\n<<<<<<< HEAD\nOurs zebra zebra zebra.\n=======\nTheirs.\n>>>>>>> other\n")
        let check = try CLI.run(["check"], vault: vault)
        #expect(check.status != 0)
        let analyze = try CLI.run(["analyze", "terse-tom", "--json"], vault: vault)
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(analyze.stdout.utf8)) as? [String: Any])
        #expect(result["samples"] as? Int == 3)
        let warnings = (result["warnings"] as? [String]) ?? []
        #expect(warnings.contains { $0.contains("clones/terse-tom/samples/merged.md") })
        let dna = try String(contentsOf: vault.appendingPathComponent("clones/terse-tom/dna/v0001.json"), encoding: .utf8)
        #expect(!dna.contains("zebra"))
    }
}
