import ArgumentParser
import VoiceCloneKit

struct LibraryDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show the writer's edits of a saved piece since the tool wrote it.",
        discussion: HelpExamples.discussion(
            "Compares the draft as saved (found in the vault's git history) with the file as it is now, word by word: "
                + "[-deleted-] and {+inserted+} text.", HelpExamples.libraryDiff))

    @Argument(help: "Piece id or a unique prefix of it.", completion: .libraryIDs) var id: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let diff = try options.workspace().library.diff(id)
        if options.json { return try Output.json(diff) }
        Output.line("\(diff.id)  [\(diff.status.rawValue)]  draft saved in \(diff.draftCommit) (\(diff.draftDate))")
        if diff.unchanged {
            Output.line("No edits: the piece is as the tool wrote it (\(diff.wordsBefore) words).")
            return
        }
        Output.line("\(diff.wordsBefore) → \(diff.wordsAfter) words; \(diff.wordsKept) draft words kept; "
            + "\(Int((diff.changedShare * 100).rounded()))% changed")
        Output.line()
        Output.line(diff.inline)
    }
}
