import ArgumentParser
import Foundation
import VoiceCloneKit

struct RewriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrite",
        abstract: "Rewrite a draft toward a clone's voice and away from AI tells, offline, keeping its meaning.",
        discussion: """
            Swaps tell words for plain ones, drops stacked connectives, follows the clone's dash, Oxford-comma,
            contraction and spelling habits, and splits or joins sentences toward the clone's lengths. At least 95%
            of the draft's content words survive. Prints the rewritten text (stdout), then the AI-likeness and
            voice-match scores before and after (stderr). The clone needs a DNA: run `voiceclone analyze CLONE` first.
            """)

    @Argument(help: "Clone name or slug.") var clone: String
    @Argument(help: "The draft: a file, or - for standard input.") var file: String
    @Flag(help: "Show the changed sentences (- draft, + rewrite) instead of the whole text.") var diff = false
    @OptionGroup var options: VaultOptions

    func run() throws {
        let report = try options.workspace().rewrite(clone: clone, input: file)
        if options.json {
            try Output.json(report)
            return
        }
        if diff {
            Output.line(report.diff.changes.isEmpty ? "(no changes)" : report.diff.unified)
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
