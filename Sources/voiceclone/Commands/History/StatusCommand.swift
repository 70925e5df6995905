import ArgumentParser
import VoiceCloneKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Uncommitted edits by clone, and how the vault stands against its remote (as of the last sync).",
        discussion: HelpExamples.status)

    @Option(help: "Remote to compare with (default: origin, or the only remote).", completion: .remotes) var remote: String?
    @OptionGroup var options: VaultOptions

    func run() throws {
        let status = try options.workspace().history.status(remote: remote)
        if options.json { return try Output.json(status) }
        Output.line("On branch \(status.branch ?? "(detached HEAD)")" + (status.state == "clean" ? "" : " — \(status.state) in progress; finish or abort it with git"))
        if let remote = status.remote {
            if let ahead = status.ahead, let behind = status.behind {
                Output.line("Remote \(remote): \(Output.count(ahead, "commit")) ahead, \(behind) behind (as of the last sync)")
            } else {
                Output.line("Remote \(remote): never synced")
            }
        } else {
            Output.line("No remote (voiceclone remote add origin URL)")
        }
        if status.uncommitted.isEmpty { return Output.line("No uncommitted edits.") }
        Output.line("Uncommitted edits (voiceclone sync commits them):")
        for group in status.uncommittedByClone {
            Output.line("  \(group.clone.isEmpty ? "vault" : group.clone):")
            for f in group.files { Output.line("    \(f.change): \(f.path)") }
        }
    }
}
