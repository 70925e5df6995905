import ArgumentParser
import VoiceCloneKit

struct SampleRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a sample (kept in git history).",
        discussion: HelpExamples.sampleRemove)

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "Sample id, or a unique prefix of it or of its hash.", completion: .samples) var id: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let sample = try options.workspace().samples.remove(clone, id: id)
        if options.json { return try Output.json(sample) }
        Output.line("Removed \(sample.id) (\"\(sample.title)\") from \(sample.clone)")
    }
}
