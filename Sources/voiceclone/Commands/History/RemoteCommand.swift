import ArgumentParser
import VoiceCloneKit

struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "The git remotes the vault syncs with (URLs only: credentials come from ssh-agent or the environment).",
        discussion: HelpExamples.remote,
        subcommands: [RemoteAdd.self, RemoteList.self, RemoteRemove.self])
}

struct RemoteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a remote.",
        discussion: HelpExamples.remoteAdd)
    @Argument(help: "Remote name, e.g. origin.") var name: String
    @Argument(help: "A path, file://, ssh or https URL.") var url: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let remote = try options.workspace().sync.addRemote(name: name, url: url)
        if options.json { return try Output.json(remote) }
        Output.line("Added remote \(remote.name): \(remote.url)")
    }
}

struct RemoteList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List remotes.",
        discussion: HelpExamples.remoteList)
    @OptionGroup var options: VaultOptions

    func run() throws {
        let remotes = try options.workspace().sync.remotes()
        if options.json { return try Output.json(remotes) }
        if remotes.isEmpty { return Output.line("No remotes. Add one with: voiceclone remote add origin URL") }
        Output.table(["NAME", "URL"], remotes.map { [$0.name, $0.url] })
    }
}

struct RemoteRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a remote (the remote repository itself is not touched).",
        discussion: HelpExamples.remoteRemove)
    @Argument(help: "Remote name.", completion: .remotes) var name: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let remote = try options.workspace().sync.removeRemote(name: name)
        if options.json { return try Output.json(remote) }
        Output.line("Removed remote \(remote.name) (\(remote.url))")
    }
}
