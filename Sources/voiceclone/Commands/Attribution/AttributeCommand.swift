import ArgumentParser
import VoiceCloneKit

struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Which voice is each text closest to? Clones ranked by distance, with a calibrated probability.",
        discussion: HelpExamples.discussion("Texts under about 1,000 words are scored with a warning and a wider band. --json: one object per file (an array when several) with file, ranking [clone, distance, probability] and best.", HelpExamples.attribute))

    @Argument(help: "Files, or - for standard input.") var files: [String]
    @Option(help: "Compare only these clones (comma-separated).", completion: .clones) var clones: String?
    @Option(help: "Show only the K closest clones.") var top: Int?
    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file, or - for standard input") }
        if let top, top < 1 { throw ValidationError("--top takes a positive number") }
    }

    func run() throws {
        let names = clones.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let results = try options.workspace().attribute(files, clones: names, top: top, settings: attribution.settings,
                                                        progress: TerminalProgress(enabled: !options.json))
        let (reports, failed) = Output.successes(results)
        if options.json {
            try Output.jsonBatch(reports, inputs: files.count)
        } else {
            for report in reports { printReport(report) }
        }
        if failed { throw ExitCode.failure }
    }

    private func printReport(_ report: AttributionReport) {
        let a = report.attribution
        Output.line("\(report.file) (\(a.words) words): \(a.best), \(a.confidence.rawValue) confidence "
            + "(\(percent(a.band.lower))–\(percent(a.band.upper)))")
        Output.table(["  CLONE", "DISTANCE", "PROBABILITY"], a.ranking.map {
            ["  " + $0.clone, String(format: "%.3f", $0.distance), percent($0.probability)]
        })
        if !a.drivers.isEmpty {
            Output.line("  decided mostly by: " + a.drivers.prefix(5).map(\.feature).joined(separator: ", "))
        }
        for w in a.warnings { Output.line("  warning: \(w.message)") }
    }

    private func percent(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }
}
