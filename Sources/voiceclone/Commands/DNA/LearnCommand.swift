import ArgumentParser
import VoiceCloneKit

struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Learn from your edits of approved and published pieces: a new DNA revision with an `edits` section.",
        discussion: HelpExamples.discussion(
            "Compares each piece with the draft the tool saved and keeps the patterns seen in at least --min-support "
                + "pieces (and in at least half of the pieces where they could be seen). Generation then follows them.",
            HelpExamples.learn))

    @Argument(help: "Clone name or slug (omit with --all).", completion: .clones) var clone: String?
    @Flag(help: "Learn for every clone.") var all = false
    @Option(name: .customLong("min-support"), help: "Pieces a pattern must be seen in (at least 2).")
    var minSupport = EditMiningOptions.defaultMinSupport
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if all == (clone != nil) { throw ValidationError("name one clone, or pass --all") }
        if minSupport < 2 { throw ValidationError("--min-support must be at least 2: one piece is not a habit") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let mining = EditMiningOptions(minSupport: minSupport)
        let clones = all ? workspace.clones.list().map(\.slug) : [clone ?? ""]
        let reports = try clones.map { try workspace.dna.learn($0, options: mining) }
        if options.json { return try all ? Output.json(reports) : Output.json(reports[0]) }
        for report in reports {
            Output.line("\(report.clone): \(report.lessons.count) lesson\(report.lessons.count == 1 ? "" : "s") from "
                + "\(report.editedPieces) edited of \(report.pieces) approved or published piece\(report.pieces == 1 ? "" : "s")")
            for line in report.summary { Output.line("  • \(line)") }
            if let dna = report.dna {
                switch dna.status {
                case .written: Output.line("  DNA v\(dna.version) written\(dna.commit.map { " (commit \($0))" } ?? "")")
                case .unchanged: Output.line("  DNA v\(dna.version) already holds these lessons; nothing written")
                }
            }
            for warning in report.warnings { Output.line("  warning: \(warning)") }
        }
    }
}
