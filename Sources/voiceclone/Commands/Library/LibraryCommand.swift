import ArgumentParser

struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "List, show, search and manage pieces saved with `generate --save`.",
        discussion: HelpExamples.library,
        subcommands: [LibraryList.self, LibraryShow.self, LibrarySearch.self, LibrarySetStatus.self, LibraryDelete.self,
                      LibraryDiffCommand.self, LibraryPromote.self])
}
