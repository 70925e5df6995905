import ArgumentParser
import Foundation
import VoiceCloneKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a vault: folders, config, a git repository and a first commit.",
        discussion: HelpExamples.initVault)

    @Argument(help: "Where to create the vault (default: the current folder).")
    var directory: String = "."

    @Option(help: ArgumentHelp("A git remote to sync with, added as `origin`. When DIR is empty and the remote holds a vault, that vault is cloned: how a second machine joins.", valueName: "url"))
    var remote: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let url = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let result = try VaultInitializer.initialize(at: url, remote: remote)
        if output.json { return try Output.json(result) }
        if result.joined {
            Output.line("Joined the vault at \(result.remote ?? "") in \(result.path) (origin). Run `voiceclone sync` there to exchange changes.")
            return
        }
        Output.line("Created a Voice Clone vault in \(result.path)")
        if let remote = result.remote { Output.line("Remote origin: \(remote)") }
        if result.clones.isEmpty {
            Output.line("Next: voiceclone clone create 'Your Name'   then   voiceclone sample add 'Your Name' FILE...")
        } else {
            // An adopted folder (a copy without its .git) already holds voices: point at them, not at a new one.
            let count = result.clones.count
            Output.line("It holds \(Output.count(count, "clone")): \(result.clones.joined(separator: ", "))")
            Output.line("Next: voiceclone clone list   then   voiceclone analyze --all")
        }
    }
}
