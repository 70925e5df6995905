import ArgumentParser
import VoiceCloneKit

struct SampleShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a sample's metadata and text.",
        discussion: HelpExamples.sampleShow)

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "Sample id (file name without .md), a unique prefix of it, or of its hash.", completion: .samples) var id: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let detail = try options.workspace().samples.show(clone, id: id)
        if options.json { return try Output.json(detail) }
        let s = detail.sample
        Output.line("\(s.title)  [\(s.contentType), \(s.words) words\(s.aiAssisted ? ", AI-assisted" : "")]  \(s.path)")
        if let source = s.source { Output.line("Source: \(source)") }
        Output.line()
        Output.line(detail.text)
    }
}
