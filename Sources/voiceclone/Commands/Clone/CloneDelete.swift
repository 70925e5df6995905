import ArgumentParser
import VoiceCloneKit

struct CloneDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a clone with its samples and DNA (kept in git history).",
        discussion: HelpExamples.cloneDelete)

    @Argument(help: "Clone name or slug.", completion: .clones) var name: String
    @Flag(help: "Confirm the deletion.") var yes = false
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if !yes { throw ValidationError("deleting a clone removes its samples and DNA; add --yes to confirm") }
    }

    func run() throws {
        let clone = try options.workspace().clones.delete(name)
        if options.json { return try Output.json(clone) }
        Output.line("Deleted \"\(clone.name)\" (\(clone.samples) samples). It stays in git history: git log -- \(clone.path)")
    }
}
