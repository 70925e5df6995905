import ArgumentParser

struct DNACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dna",
        abstract: "Read a clone's Voice DNA: in plain language, its revisions, and what changed.",
        discussion: HelpExamples.dna,
        subcommands: [DNAShow.self, DNALog.self, DNADiffCommand.self])
}
