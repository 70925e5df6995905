import ArgumentParser
import VoiceCloneKit

struct LibraryShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a saved piece with its provenance.",
        discussion: HelpExamples.libraryShow)

    @Argument(help: "Piece id (file name without .md) or a unique prefix of it.", completion: .libraryIDs) var id: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let document = try options.workspace().library.document(id)
        if options.json { return try Output.json(document) }
        let e = document.entry
        Output.line("\(e.id)  [\(e.status.rawValue)]  \(e.path)")
        var provenance = "\(e.clone) · \(e.platform) · \(e.provider) \(e.model)"
        if let version = e.dnaVersion { provenance += " · DNA v\(version)" }
        if let seed = e.seed { provenance += " · seed \(seed)" }
        Output.line(provenance)
        var scores: [String] = []
        if let match = e.scores.voiceMatch { scores.append("voice match \(match)/100") }
        if let ai = e.scores.aiLikeness { scores.append("AI-likeness \(ai)/100") }
        if let run = e.scores.longestCopiedRun { scores.append("longest copied run \(run) words") }
        if !scores.isEmpty { Output.line(scores.joined(separator: " · ")) }
        Output.line("Prompt: \(e.prompt)")
        Output.line("Created: \(e.created)")
        Output.line()
        Output.line(document.text)
    }
}
