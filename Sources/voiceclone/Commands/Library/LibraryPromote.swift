import ArgumentParser
import Foundation
import VoiceCloneKit

struct LibraryPromote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote", abstract: "Turn an approved or published piece into a writing sample (committed).",
        discussion: HelpExamples.discussion(
            "The sample is marked ai_assisted: true with edited_share, the share of words you changed. A piece in "
                + "which you changed at least half the words is your writing and `analyze` counts it; a lightly edited "
                + "one is kept apart unless --include-ai-assisted.", HelpExamples.libraryPromote))

    @Argument(help: "Piece id or a unique prefix of it.", completion: .libraryIDs) var id: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let result = try options.workspace().library.promote(id)
        if options.json { return try Output.json(result) }
        let share = result.editedShare.map { String(format: "%.0f%% of its words edited", $0 * 100) } ?? "no saved draft to compare"
        Output.line("\(result.piece) is now sample \(result.sample.id) of \(result.clone) (ai_assisted, \(share))"
            + (result.commit.map { " — commit \($0)" } ?? ""))
    }
}
