import ArgumentParser
import VoiceCloneKit

struct CloneList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the clones with their samples and words.",
        discussion: HelpExamples.cloneList)

    @OptionGroup var options: VaultOptions

    func run() throws {
        let clones = try options.workspace().clones.list()
        if options.json { return try Output.json(clones) }
        if clones.isEmpty { return Output.line("No clones yet. Create one: voiceclone clone create NAME") }
        Output.table(["NAME", "SLUG", "SAMPLES", "WORDS", "DNA", "TAGS"], clones.map { c in
            let dna = c.dnaVersion.map { "v\($0)" + (c.stale == true ? " (stale)" : "") } ?? "-"
            return [c.name, c.slug, String(c.samples), String(c.words), dna, c.tags.joined(separator: ", ")]
        })
    }
}
