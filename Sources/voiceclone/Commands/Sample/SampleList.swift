import ArgumentParser
import VoiceCloneKit

struct SampleList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a clone's samples.")

    @Argument(help: "Clone name or slug.") var clone: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let samples = try options.workspace().listSamples(clone)
        if options.json { return try Output.json(samples) }
        if samples.isEmpty { return Output.line("No samples yet: voiceclone sample add \"\(clone)\" FILE...") }
        Output.table(["ID", "TYPE", "WORDS", "AI", "TITLE"], samples.map {
            [$0.id, $0.contentType, String($0.words), $0.aiAssisted ? "yes" : "", $0.title]
        })
    }
}
