import ArgumentParser
import VoiceCloneKit

struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Which voice wrote each text? Clones ranked by a model trained on their samples, with calibrated probabilities.",
        discussion: HelpExamples.discussion("By default a linear model is trained on the voices' samples cut to the texts' length (Cosine Delta when a voice has too little text, or with --method delta). The table shows each voice's share among these voices (assuming one of them wrote it) and, with the open-set check, the probability that it wrote the text with \"none of them\" as a possible answer (the same posterior `match` uses, asked \"who, if anyone?\"). When even the best voice's probability is under --open-set-threshold and none of them is more probable, the answer is \"none of these voices\". --json: one object per file (an array when several) with file, ranking [clone, distance, probability (the share), writer_probability], best (null for none of these), method and open_set {same_writer_probability, none_probability, threshold, none_of_these}.", HelpExamples.attribute))

    @Argument(help: "Files, or - for standard input.") var files: [String]
    @Option(help: "Compare only these clones (comma-separated).", completion: .clones) var clones: String?
    @Option(help: "Show only the K closest clones.") var top: Int?
    @Option(help: "learned (a linear model trained on the voices' samples, default) or delta (Cosine Delta).") var method = "learned"
    @Option(help: "Say \"none of these voices\" when the best voice's same-writer probability is below this (0-1).") var openSetThreshold = AttributionService.defaultOpenSetThreshold
    @Flag(help: "Always name the closest voice (no open-set check).") var closedSet = false
    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file, or - for standard input") }
        if let top, top < 1 { throw ValidationError("--top takes a positive number") }
        if AttributionMethod(rawValue: method) == nil { throw ValidationError("--method takes learned or delta") }
        if !(0...1).contains(openSetThreshold) { throw ValidationError("--open-set-threshold takes a number from 0 to 1") }
    }

    func run() throws {
        let names = clones.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let results = try options.workspace().attribution.attribute(files, clones: names, top: top, settings: attribution.settings,
                                                        method: AttributionMethod(rawValue: method) ?? .learned,
                                                        openSetThreshold: closedSet ? nil : openSetThreshold,
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
        let none = a.openSet?.noneProbability.map { "; none of them \(percent($0))" } ?? ""
        if let open = a.openSet, open.noneOfThese {
            Output.line("\(report.file) (\(Output.count(a.words, "word"))): none of these voices (closest: \(a.best), "
                + "probability it wrote this \(percent(open.sameWriterProbability)) < \(percent(open.threshold))\(none))")
        } else {
            Output.line("\(report.file) (\(Output.count(a.words, "word"))): \(a.best), \(a.confidence.rawValue) confidence among these voices "
                + "(\(percent(a.band.lower))–\(percent(a.band.upper)))"
                + (a.openSet.map { "; probability it wrote this \(percent($0.sameWriterProbability))\(none)" } ?? ""))
        }
        // SHARE: among these voices, assuming one of them wrote it; WROTE IT: with "none of them" as an answer too.
        let open = a.ranking.contains { $0.writerProbability != nil }
        Output.table(["  CLONE", "DISTANCE", "SHARE AMONG THESE"] + (open ? ["WROTE IT"] : []), a.ranking.map {
            ["  " + $0.clone, String(format: "%.3f", $0.distance), percent($0.probability)]
                + (open ? [$0.writerProbability.map(percent) ?? "-"] : [])
        })
        if !a.drivers.isEmpty {
            Output.line("  decided mostly by: " + a.drivers.prefix(5).map(\.feature).joined(separator: ", "))
        }
        for w in a.warnings { Output.line("  warning: \(w.message)") }
    }

    private func percent(_ p: Double) -> String { Output.percent(p) }
}
