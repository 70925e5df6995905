import ArgumentParser
import VoiceCloneKit

struct CloneRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a clone (its folder follows).",
        discussion: HelpExamples.cloneRename)

    @Argument(help: "Current name or slug.", completion: .clones) var old: String
    @Argument(help: "New name.") var new: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let clone = try options.workspace().clones.rename(old, to: new)
        if options.json { return try Output.json(clone) }
        Output.line("Renamed to \"\(clone.name)\" (\(clone.path))")
    }
}
