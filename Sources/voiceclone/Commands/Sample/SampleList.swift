import ArgumentParser
import VoiceCloneKit

struct SampleList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a clone's samples (--ai-assisted: only those marked as written with AI help).",
        discussion: HelpExamples.sampleList)

    @Argument(help: "Clone name or slug (optional with --ai-assisted: every clone).", completion: .clones) var clone: String?
    @Flag(name: .customLong("ai-assisted"), help: "Only samples marked ai_assisted (left out of the DNA).") var aiAssisted = false
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if clone == nil && !aiAssisted { throw ValidationError("name a clone (or pass --ai-assisted to list them across every clone)") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let samples = aiAssisted ? try workspace.detection.aiAssistedSamples(clone: clone) : try workspace.samples.list(clone ?? "")
        // A file the writer put in the folder but the scanner refused is not listed; say so rather than let it vanish.
        if let clone, !aiAssisted {
            let refused = try workspace.samples.refusedFiles(clone)
            if !refused.isEmpty {
                Output.error("warning: \(Output.count(refused.count, "file")) in the samples folder could not be read and "
                    + (refused.count == 1 ? "is" : "are") + " not listed or counted:")
                for file in refused { Output.error("  \(file.description)") }
            }
        }
        if options.json { return try Output.json(samples) }
        if samples.isEmpty {
            return Output.line(aiAssisted ? "No samples are marked ai_assisted." : "No samples yet: voiceclone sample add \((clone ?? "").shellQuoted) FILE...")
        }
        Output.table(["ID", "CLONE", "TYPE", "WORDS", "AI", "TITLE"], samples.map {
            [$0.id, $0.clone, $0.contentType, String($0.words), $0.aiAssisted ? "yes" : "", $0.title]
        })
    }
}
