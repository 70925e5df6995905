import ArgumentParser
import VoiceCloneKit

struct LibrarySearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find saved pieces whose text or prompt contains TEXT (case-insensitive).",
        discussion: HelpExamples.librarySearch)

    @Argument(help: "The text to look for.") var text: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let hits = try options.workspace().library.search(text)
        if options.json { return try Output.json(hits) }
        if hits.isEmpty {
            Output.line("No saved piece contains \"\(text)\".")
            return
        }
        for hit in hits {
            Output.line("\(hit.entry.id)  [\(hit.entry.status.rawValue), \(hit.matches) match\(hit.matches == 1 ? "" : "es")]")
            Output.line("  \(hit.snippet)")
        }
    }
}
