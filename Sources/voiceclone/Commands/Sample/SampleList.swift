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
        if options.json { return try Output.json(samples) }
        if samples.isEmpty {
            return Output.line(aiAssisted ? "No samples are marked ai_assisted." : "No samples yet: voiceclone sample add \((clone ?? "").shellQuoted) FILE...")
        }
        Output.table(["ID", "CLONE", "TYPE", "WORDS", "AI", "TITLE"], samples.map {
            [$0.id, $0.clone, $0.contentType, String($0.words), $0.aiAssisted ? "yes" : "", $0.title]
        })
    }
}
