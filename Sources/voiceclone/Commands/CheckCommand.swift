import ArgumentParser
import VoiceCloneKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan the vault and report files that cannot be read as samples.",
        discussion: "Exits 1 when there are errors (warnings alone exit 0).")

    @OptionGroup var options: VaultOptions

    func run() throws {
        let report = try options.workspace().check()
        if options.json {
            try Output.json(report)
        } else {
            for d in report.diagnostics { Output.line(d.description) }
            Output.line("\(report.clones) clones, \(report.samples) samples, \(report.words) words: \(report.errors) errors, \(report.warnings) warnings")
        }
        if !report.ok { throw ExitCode.failure }
    }
}
