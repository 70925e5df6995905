import ArgumentParser
import Foundation
import VoiceCloneKit

struct CloneShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a clone and its samples.",
        discussion: HelpExamples.cloneShow)

    @Argument(help: "Clone name or slug.", completion: .clones) var name: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let detail = try options.workspace().clones.show(name)
        if options.json { return try Output.json(detail) }
        let c = detail.clone
        Output.line("\(c.name)  (\(c.path))")
        if let d = c.description { Output.line(d) }
        if !c.tags.isEmpty { Output.line("Tags: \(c.tags.joined(separator: ", "))") }
        if let avatar = detail.avatar { Output.line("Avatar: \(avatar)") }
        Output.line("Samples: \(c.samples), words: \(c.words)"
            + (c.contentTypes.isEmpty ? "" : ", types: " + c.contentTypes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        Output.line("DNA: " + (c.dnaVersion.map { "v\($0)" } ?? "not analysed yet (voiceclone analyze \(c.name.shellQuoted))"))
        if let sources = c.mergedFrom {
            Output.line("Merged from: " + sources.map { "\($0.clone) \(Int(($0.weight * 100).rounded()))%" }.joined(separator: ", ")
                + (c.stale == true ? " — stale: a source has newer DNA; run voiceclone analyze \(c.name.shellQuoted)" : ""))
        }
        let notes = detail.notes.trimmingCharacters(in: .whitespacesAndNewlines)
        if !notes.isEmpty {
            Output.line()
            Output.line("Notes:")
            Output.line(notes)
        }
        if !detail.samples.isEmpty {
            Output.line()
            Output.table(["ID", "TYPE", "WORDS", "TITLE"], detail.samples.map { [$0.id, $0.contentType, String($0.words), $0.title] })
        }
    }
}
