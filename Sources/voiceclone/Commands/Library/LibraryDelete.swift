import ArgumentParser
import VoiceCloneKit

struct LibraryDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a saved piece (committed; git history keeps it).",
        discussion: HelpExamples.libraryDelete)

    @Argument(help: "Piece id or a unique prefix of it.", completion: .libraryIDs) var id: String
    @Flag(help: "Confirm the deletion.") var yes = false
    @OptionGroup var options: VaultOptions

    func run() throws {
        let entry = try options.workspace().library.delete(id, confirmed: yes)
        if options.json { return try Output.json(entry) }
        Output.line("deleted \(entry.path)")
    }
}
