import ArgumentParser
import VoiceCloneKit

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Did this clone's writer write the text? A calibrated probability and the largest differences in words.",
        discussion: HelpExamples.discussion("The probability comes from comparing the text with the clone, the vault's other voices and a public-domain background of writers, word order included; it is calibrated on this vault's own samples (or, for a lone voice, the background), and with other voices in the vault the final figure is recalibrated at even odds on held-out pieces of their samples that no part of the model saw (the output says what it rests on). --json keeps score (the percentage) and adds same_writer_probability and verification.", HelpExamples.match))

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "Files, or - for standard input.") var files: [String]
    @OptionGroup var attribution: AttributionOptions
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name a file, or - for standard input") }
    }

    func run() throws {
        let results = try options.workspace().attribution.match(clone, inputs: files, settings: attribution.settings)
        let (reports, failed) = Output.successes(results)
        if options.json {
            try Output.jsonBatch(reports, inputs: files.count)
        } else {
            for report in reports {
                let m = report.match
                if let v = m.verification {
                    Output.line("\(report.file): \(percent(v.probability)) likely written by \(m.clone)'s writer — \(v.verdict.phrase) "
                        + "(band \(percent(v.band.lower))–\(percent(v.band.upper)); \(Output.count(m.words, "word")))")
                    Output.line("  similarity to \(m.clone) \(String(format: "%.2f", v.similarity)), to the closest alternative "
                        + "(\(v.closestAlternative)) \(String(format: "%.2f", v.alternativeSimilarity))")
                    if let own = v.voiceProbability, let rival = v.rival, let rivalProbability = v.rivalProbability {
                        Output.line("  against a stranger alone \(percent(own)); in the vault posterior (before any recalibration), strongest rival "
                            + "\(rival) \(percent(rivalProbability))" + (v.noneProbability.map { ", someone outside the vault \(percent($0))" } ?? ""))
                    }
                    Output.line("  word order: \(v.wordOrder.note)")
                    Output.line("  calibrated on \(v.calibratedOn)")
                } else {
                    Output.line("\(report.file): sounds like \(m.clone) \(m.score)/100 (\(Output.count(m.words, "word")))")
                }
                for d in report.differences { Output.line("  · \(d)") }
                // Whole words only: character n-grams ('ped_') carry evidence but mean nothing to a reader.
                let vocabulary = m.vocabularyDeviations.filter { $0.family.rawValue == "words" }.prefix(5)
                    .map { "\($0.feature) (\($0.z > 0 ? "more" : "less"))" }
                if !vocabulary.isEmpty { Output.line("  words that stand out: " + vocabulary.joined(separator: ", ")) }
                for w in m.warnings { Output.line("  warning: \(w.message)") }
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func percent(_ p: Double) -> String { Output.percent(p) }
}
