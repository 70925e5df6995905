import ArgumentParser
import VoiceCloneKit

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "How much does a text sound like one clone? A 0-100 score and the largest differences in words.",
        discussion: HelpExamples.match)

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "Files, or - for standard input.") var files: [String]
    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name a file, or - for standard input") }
    }

    func run() throws {
        let results = try options.workspace().match(clone, inputs: files, settings: attribution.settings)
        let (reports, failed) = Output.successes(results)
        if options.json {
            try Output.jsonBatch(reports, inputs: files.count)
        } else {
            for report in reports {
                let m = report.match
                Output.line("\(report.file): sounds like \(m.clone) \(m.score)/100 (\(m.words) words)")
                for d in report.differences { Output.line("  · \(d)") }
                let vocabulary = m.vocabularyDeviations.prefix(5).map { "\($0.feature) (\($0.z > 0 ? "more" : "less"))" }
                if !vocabulary.isEmpty { Output.line("  words that stand out: " + vocabulary.joined(separator: ", ")) }
                for w in m.warnings { Output.line("  warning: \(w.message)") }
            }
        }
        if failed { throw ExitCode.failure }
    }
}
