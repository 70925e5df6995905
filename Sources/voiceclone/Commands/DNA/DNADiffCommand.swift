import ArgumentParser
import VoiceCloneKit

struct DNADiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What changed between two DNA revisions (default: the last two), most important first.",
        discussion: HelpExamples.dnaDiff)

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "Older revision (default: the one before B).") var a: Int?
    @Argument(help: "Newer revision (default: the latest).") var b: Int?
    @Option(help: "How many changes to list (0 for all).") var top = 20
    @OptionGroup var options: VaultOptions

    func run() throws {
        let diff = try options.workspace().dna.diff(of: clone, from: a, to: b)
        if options.json { return try Output.json(diff) }
        Output.line("\(diff.clone): DNA v\(diff.from) → v\(diff.to), \(diff.changes.count) values changed")
        let shown = top > 0 ? Array(diff.changes.prefix(top)) : diff.changes
        for c in shown { Output.line("  · \(c.description)") }
        if shown.count < diff.changes.count {
            Output.line("  … \(diff.changes.count - shown.count) smaller changes (--top 0 lists all; git diff shows every line)")
        }
    }
}
