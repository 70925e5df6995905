import ArgumentParser
import VoiceCloneKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Readability and style measurements for any text, no clone needed.",
        discussion: HelpExamples.discussion("--json prints one object per file (an array when several) with `file` and the features under their DNA names.", HelpExamples.stats))

    @Argument(help: "Files, or - for standard input.") var files: [String]
    @OptionGroup var options: OutputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file, or - for standard input") }
    }

    func run() throws {
        let results = TextStatistics.measure(files)
        let (measured, failed) = Output.successes(results)
        if options.json {
            try Output.jsonBatch(measured, inputs: files.count, canonical: true)
        } else {
            for s in measured { printStats(s) }
        }
        if failed { throw ExitCode.failure }
    }

    private func printStats(_ s: FileStatistics) {
        let p = s.profile, r = p.readability
        Output.line("\(s.file): \(p.words) words, \(p.sentences.count) sentences, \(p.paragraphs.count) paragraphs")
        Output.line(String(format: "  Flesch reading ease %.1f · Flesch–Kincaid grade %.1f · Gunning Fog %.1f · SMOG %.1f",
                           r.fleschReadingEase, r.fleschKincaidGrade, r.gunningFog, r.smogIndex))
        Output.line(String(format: "  Coleman–Liau %.1f · ARI %.1f · Dale–Chall %.1f", r.colemanLiauIndex, r.automatedReadabilityIndex, r.daleChallScore))
        for t in TraitCatalog.readings(of: p).prefix(6) { Output.line("  • \(t.description)") }
    }
}
