import ArgumentParser
import Foundation
import VoiceCloneKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Create a clone whose voice is a weighted blend of other clones.",
        discussion: HelpExamples.discussion("""
            The merged clone holds no samples: its DNA is blended from the sources' current DNA (numeric traits as \
            weighted means, distributions as weighted mixtures, signatures as a weighted union), and its clone.md \
            records the sources, weights and DNA versions. Weights are positive numbers, one per source, \
            normalised to sum to 1 (default: equal). A merged source is flattened to the voices it blends. \
            Run `voiceclone analyze NAME` to re-blend after a source is re-analysed.
            """, HelpExamples.merge))

    @Argument(help: "Two or more source clones (names or slugs).", completion: .clones) var sources: [String]
    @Option(help: ArgumentHelp("One weight per source, comma-separated, e.g. 0.7,0.3 (default: equal).", valueName: "w1,w2,..."))
    var weights: String?
    @Option(help: "The merged clone's name.") var name: String
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if sources.count < 2 { throw ValidationError("name at least two source clones: voiceclone merge A B --name NEW") }
    }

    func run() throws {
        let parsed = try weights.map(MergeWeights.parse)
        let result = try options.workspace().merges.create(sources: sources, weights: parsed, name: name)
        if options.json { return try Output.json(result) }
        let blend = result.sources.map { "\($0.clone) \(String(format: "%.4f", $0.weight)) (DNA v\($0.dnaVersion))" }
        Output.line("\(result.clone): merged from \(blend.joined(separator: " + "))")
        if result.weightsNormalised, let given = result.givenWeights {
            Output.line("  weights \(given.map { String($0) }.joined(separator: ",")) normalised to sum to 1")
        }
        if result.flattened { Output.line("  merged sources were flattened to the voices they blend") }
        Output.line("  DNA v\(result.dna.version) written to \(result.dna.path)\(result.dna.commit.map { " (commit \($0))" } ?? "")")
        Output.line("  confidence \(result.dna.confidence)/100; re-blend with `voiceclone analyze \(result.clone.shellQuoted)`")
    }
}
