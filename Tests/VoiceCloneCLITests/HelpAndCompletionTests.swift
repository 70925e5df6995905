import Foundation
import Testing
import VoiceCloneTestSupport

/// Help that teaches by example, a man page and shell completions that know the vault, as a user meets them.
@Suite struct HelpAndCompletionTests {
    /// Every command path of the tool, read from ArgumentParser's own description of the command tree.
    static func commandPaths() throws -> [[String]] {
        let dump = try CLI.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return paths
    }

    @Test func everyCommandsHelpCarriesARealExample() throws {
        let paths = try Self.commandPaths()
        #expect(paths.count >= 40, "\(paths.count) commands found")
        for path in paths {
            let help = try CLI.run(path + ["--help"])
            #expect(help.status == 0, "\(path)")
            #expect(help.stdout.contains("EXAMPLES:"), "voiceclone \(path.joined(separator: " ")) --help has no EXAMPLES section")
            // An example of this very command, not only of its neighbours.
            let invocation = (["voiceclone"] + path).joined(separator: " ")
            let examples = help.stdout.components(separatedBy: "EXAMPLES:").last ?? ""
            #expect(examples.contains(path.isEmpty ? "voiceclone " : invocation + " "), "no example of `\(invocation)`")
            #expect(help.stdout.contains("OVERVIEW:"), "\(path) has no description")
            // Examples fit an 80-column terminal: no line of them is wrapped (every one is indented).
            let exampleLines = examples.components(separatedBy: "USAGE:").first?.split(separator: "\n") ?? []
            #expect(exampleLines.allSatisfy { $0.hasPrefix("  ") }, "\(invocation): \(exampleLines.filter { !$0.hasPrefix("  ") })")
        }
    }

    @Test func generateUsageShowsItsKeyOptions() throws {
        let help = try CLI.run(["generate", "--help"])
        #expect(help.stdout.contains("voiceclone generate <clone> --prompt <text> [--platform <platform>]"))
        #expect(!help.stdout.contains("USAGE: voiceclone generate <clone> [<options>]"))
    }

    @Test func completionOffersCloneNamesAndSampleIDsFromTheVault() throws {
        let dir = TemporaryDirectory("cli")
        try CLI.run(["init", dir.path])
        try CLI.run(["clone", "create", "Test Writer"], vault: dir.url)
        try CLI.run(["clone", "create", "Other Voice"], vault: dir.url)
        try dir.write("note.md", "A short note about the weather and the garden.")
        try CLI.run(["sample", "add", "Test Writer", dir.file("note.md").path], vault: dir.url)
        let sampleID = try #require((try CLI.json(["sample", "list", "test-writer"], vault: dir.url) as? [[String: Any]])?.first?["id"] as? String)

        // What the shell script runs on Tab: `voiceclone ---completion <path> -- <argument> <word index> <cursor> <words...>`.
        let clones = try CLI.run(["---completion", "clone", "show", "--", "positional@0", "3", "0", "voiceclone", "clone", "show", ""], vault: dir.url)
        #expect(clones.status == 0, "\(clones.stderr)")
        #expect(clones.stdout.split(separator: "\n").map(String.init) == ["other-voice", "test-writer"])
        let prefixed = try CLI.run(["---completion", "dna", "show", "--", "positional@0", "3", "1", "voiceclone", "dna", "show", "t"], vault: dir.url)
        #expect(prefixed.stdout.split(separator: "\n").map(String.init) == ["test-writer"])
        // --vault on the command line wins, as it does for the command itself.
        let elsewhere = try CLI.run(["---completion", "clone", "show", "--", "positional@0", "5", "0",
                                     "voiceclone", "clone", "show", "--vault", dir.path, ""], in: URL(fileURLWithPath: "/"))
        #expect(elsewhere.stdout.contains("test-writer"))

        let samples = try CLI.run(["---completion", "sample", "show", "--", "positional@1", "4", "0",
                                   "voiceclone", "sample", "show", "'Test Writer'", ""], vault: dir.url)
        #expect(samples.stdout.split(separator: "\n").map(String.init) == [sampleID])
        let platforms = try CLI.run(["---completion", "generate", "--", "--platform", "4", "0",
                                     "voiceclone", "generate", "test-writer", "--platform", ""], vault: dir.url)
        #expect(platforms.stdout.contains("linkedin"))
        let providers = try CLI.run(["---completion", "generate", "--", "--provider", "4", "0",
                                     "voiceclone", "generate", "test-writer", "--provider", ""], vault: dir.url)
        #expect(providers.stdout.contains("anthropic"))

        try CLI.run(["remote", "add", "backup", dir.file("backup.git").path], vault: dir.url)
        // `sync REMOTE` is the default subcommand `sync now` (so that `sync conflicts` and `sync resolve` can exist).
        let remotes = try CLI.run(["---completion", "sync", "now", "--", "positional@0", "3", "0", "voiceclone", "sync", "now", ""], vault: dir.url)
        #expect(remotes.stdout.split(separator: "\n").map(String.init) == ["backup"])

        // Outside any vault: nothing offered, nothing printed on stderr, success.
        let outside = TemporaryDirectory("novault")
        let quiet = try CLI.run(["---completion", "clone", "show", "--", "positional@0", "3", "0", "voiceclone", "clone", "show", ""], in: outside.url)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func completionScriptsCallBackIntoTheBinary() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try CLI.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("---completion"), "\(shell) script has no custom completion hook")
            #expect(script.stdout.contains("positional@0"), "\(shell)")
        }
    }

    @Test func suggestedCommandsAreShellQuoted() throws {
        let dir = TemporaryDirectory("cli")
        try CLI.run(["init", dir.path])
        let created = try CLI.run(["clone", "create", "Test Writer"], vault: dir.url)
        #expect(created.stdout.contains("voiceclone sample add 'Test Writer' FILE"))
        let missing = try CLI.run(["sample", "show", "Test Writer", "nothing-like-this"], vault: dir.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("voiceclone sample list 'Test Writer'"), "\(missing.stderr)")
    }

    @Test func initSaysWhatToDoNextForTheFolderItFound() throws {
        let fresh = TemporaryDirectory("cli")
        let first = try CLI.run(["init", fresh.path])
        #expect(first.stdout.contains("Next: voiceclone clone create"))

        // A vault copied without its .git: init adopts it and points at the clones it holds.
        let copy = TemporaryDirectory("copy")
        try copy.write(".voiceclone/config.yaml", "format_version: 1\n")
        try copy.write("clones/dana-okafor/clone.md", "---\nname: Dana Okafor\n---\n")
        let adopted = try CLI.run(["init", copy.path])
        #expect(adopted.status == 0, "\(adopted.stderr)")
        #expect(!adopted.stdout.contains("clone create"))
        #expect(adopted.stdout.contains("dana-okafor"))
    }
}
