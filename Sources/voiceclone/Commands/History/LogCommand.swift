import ArgumentParser
import VoiceCloneKit

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "The vault's history in human terms: samples added, DNA revisions, merges, syncs.",
        discussion: HelpExamples.log)

    @Argument(help: "Only changes to this clone.", completion: .clones) var clone: String?
    @Option(name: .shortAndLong, help: "Show at most N entries.") var limit: Int = 50
    @OptionGroup var options: VaultOptions

    func run() throws {
        let entries = try options.workspace().history.log(clone: clone, limit: limit)
        if options.json { return try Output.json(entries) }
        if entries.isEmpty { return Output.line("No history yet.") }
        for e in entries { Output.line(e.line) }
    }
}
