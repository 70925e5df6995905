import ArgumentParser
import VoiceCloneKit

struct LibrarySetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status", abstract: "Mark a saved piece draft, approved or published (committed).",
        discussion: HelpExamples.librarySetStatus)

    @Argument(help: "Piece id or a unique prefix of it.", completion: .libraryIDs) var id: String
    @Argument(help: "draft, approved or published.", completion: .list(["draft", "approved", "published"])) var status: String
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if LibraryStatus(loose: status) == nil { throw ValidationError("the status must be draft, approved or published") }
    }

    func run() throws {
        guard let wanted = LibraryStatus(loose: status) else { return }
        let entry = try options.workspace().library.setStatus(id, to: wanted)
        if options.json { return try Output.json(entry) }
        Output.line("\(entry.id) is \(entry.status.rawValue)")
    }
}
