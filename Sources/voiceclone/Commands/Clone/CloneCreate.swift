import ArgumentParser
import VoiceCloneKit

struct CloneCreate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a clone.",
        discussion: HelpExamples.cloneCreate)

    @Argument(help: "Display name, up to 100 characters; its folder name (slug) is derived from it.")
    var name: String

    @Option(help: "One line about this voice.")
    var description: String?

    @Option(name: .customLong("tag"), help: "A tag (repeatable).")
    var tags: [String] = []

    @OptionGroup var options: VaultOptions

    func run() throws {
        let clone = try options.workspace().clones.create(name: name, description: description, tags: tags)
        if options.json { return try Output.json(clone) }
        Output.line("Created clone \"\(clone.name)\" in \(clone.path)")
        Output.line("Add writing: voiceclone sample add \(clone.name.shellQuoted) FILE...")
    }
}
