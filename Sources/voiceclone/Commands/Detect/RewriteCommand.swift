import ArgumentParser
import Foundation
import VoiceCloneKit

struct RewriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrite",
        abstract: "Rewrite a draft toward a clone's voice and away from AI tells, offline, keeping its meaning.",
        discussion: HelpExamples.discussion("""
            Swaps tell words for plain ones, drops stacked connectives, follows the clone's dash, Oxford-comma, \
            contraction and spelling habits, and splits or joins sentences toward the clone's lengths. At least 95% \
            of the draft's content words survive. Prints the rewritten text (stdout), then the AI-likeness and \
            voice-match scores before and after (stderr). The clone needs a DNA: run `voiceclone analyze CLONE` first.

            --provider openai|anthropic|openai-compatible sends the draft to a language model instead, with \
            instructions built from the clone's DNA and the draft's flagged sentences (the template is \
            prompts/rewrite-system.md). The answer is measured the same way, and refused (the draft is kept, exit \
            status 1) when it keeps less than 95% of the draft's content words.
            """, HelpExamples.rewrite))

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "The draft: a file, or - for standard input.") var file: String
    @Flag(help: "Show the changed sentences (- draft, + rewrite) instead of the whole text.") var diff = false
    @Option(help: "Rewrite with a language model: openai, anthropic or openai-compatible (default: offline).", completion: .providers) var provider: String?
    @Option(help: "Model name (default: the vault's default_model, else the provider's default).") var model: String?
    @Option(name: .customLong("base-url"), help: ArgumentHelp("The provider's API root, for proxies and local servers.", valueName: "url"))
    var baseURL: String?
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if provider == nil && (model != nil || baseURL != nil) { throw ValidationError("--model and --base-url go with --provider") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let report: RewriteReport
        if let provider {
            // Read the draft before the request starts, so standard input is consumed on this thread.
            let draft = file == "-" ? BoundedInput.standardInputOrOversize() : Data()
            let (clone, file, model, baseURL) = (clone, file, model, baseURL)
            do {
                report = try CancellableRun.run {
                    try await workspace.detection.rewrite(clone: clone, input: file, provider: provider, model: model, baseURL: baseURL,
                                                standardInput: { draft })
                }
            } catch ExitCodeError.interrupted {
                throw ExitCode(130)
            }
        } else {
            report = try workspace.detection.rewrite(clone: clone, input: file)
        }
        if options.json {
            try Output.json(report)
            return
        }
        if diff {
            Output.line(report.diff.changes.isEmpty && report.diff.notKept.isEmpty ? "(no changes)" : report.diff.unified)
        } else {
            Output.line(report.text.hasSuffix("\n") ? String(report.text.dropLast()) : report.text)
        }
        let edits = report.edits.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        Output.error("AI-likeness \(report.before.aiLikeness) → \(report.after.aiLikeness); sounds like \(report.clone) "
            + "\(report.before.voiceMatch) → \(report.after.voiceMatch); content words kept "
            + String(format: "%.1f%%", report.contentWordRecall * 100) + (edits.isEmpty ? "" : " (\(edits))"))
        for w in report.warnings { Output.error("warning: \(w)") }
    }
}
