import ArgumentParser
import VoiceCloneKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan the vault and report files that cannot be read as samples.",
        discussion: HelpExamples.discussion("""
            Exits 1 when there are errors (warnings alone exit 0). With --samples, also warns about samples that read \
            as machine-written but are not marked ai_assisted, before they pollute a clone's DNA.
            """, HelpExamples.check))

    @Flag(help: "Also run AI-likeness detection over every sample not marked ai_assisted.") var samples = false
    @Option(help: "Only this clone's samples (with --samples).", completion: .clones) var clone: String?
    @Option(help: "AI-likeness threshold for --samples (default: the detector's).") var threshold: Int?
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if !samples && (clone != nil || threshold != nil) { throw ValidationError("--clone and --threshold go with --samples") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let output = try workspace.checks.run(samples: samples, clone: clone, threshold: threshold)
        let report = output.report, suspects = output.sampleWarnings ?? []
        if options.json {
            try Output.json(output)
        } else {
            for d in report.diagnostics { Output.line(d.description) }
            for s in suspects { Output.line("warning: \(s.message)") }
            var summary = "\(Output.count(report.clones, "clone")), \(Output.count(report.samples, "sample")), \(Output.count(report.words, "word")): \(Output.count(report.errors, "error")), \(Output.count(report.warnings, "warning"))"
            if samples { summary += ", \(Output.count(suspects.count, "sample")) that read as AI-written" }
            Output.line(summary)
        }
        if !report.ok { throw ExitCode.failure }
    }
}
