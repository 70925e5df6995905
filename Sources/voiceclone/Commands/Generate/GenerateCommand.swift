import ArgumentParser
import Foundation
import VoiceCloneKit

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a new piece in a clone's voice.",
        usage: """
            voiceclone generate <clone> --prompt <text> [--platform <platform>]
                                [--words <n> | --chars <n>] [--provider <provider>]
                                [--model <model>] [--seed <n>] [--save] [<options>]
            voiceclone generate <clone> --prompt-file <file> [<options>]
            """,
        discussion: HelpExamples.discussion("""
            Providers: local (default; offline: writes your --notes, or bullet points in the prompt, in the \
            clone's voice and the platform's shape, adding only the writer's framing habits; without notes it \
            gives a skeleton of how the writer builds that kind of piece; --engine remix \(LocalDraftEngine.remixLabel)), openai, anthropic, openai-compatible (Ollama, llama.cpp, \
            LM Studio, vLLM: needs --base-url or OPENAI_BASE_URL). Keys come from OPENAI_API_KEY, \
            ANTHROPIC_API_KEY, OPENAI_COMPATIBLE_API_KEY, or ~/.config/voiceclone/credentials.yaml (chmod 600); \
            never from the vault. --dry-run prints the exact request a remote provider would get, key redacted, \
            and sends nothing. Platforms: \(Platform.presets.map(\.name).joined(separator: ", ")), plus the vault \
            config's own.

            --refine N scores each piece (voice match, AI-likeness against the clone's own writing) and, while \
            voice match is below --min-match (default 70) or AI-likeness above --max-ai (default: one below the \
            detector's verdict threshold), revises it: a remote model gets its draft back with the scores, the \
            flagged sentences and the largest differences from the voice; the local engine rewrites the draft \
            toward the DNA or re-drafts with the next seed. The best-scoring text is kept; every round is reported.
            """, HelpExamples.generate))

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Option(help: "Where it will be published.", completion: .platforms) var platform: String = "generic"
    @Option(help: "What the piece is about.") var prompt: String?
    @Option(name: .customLong("prompt-file"), help: ArgumentHelp("Read the prompt from a file (- for standard input).", valueName: "file"))
    var promptFile: String?
    @Option(help: ArgumentHelp("The content as notes, one point per line (- for standard input); the offline engine writes them in the clone's voice.", valueName: "file"))
    var notes: String?
    @Option(help: ArgumentHelp("Offline engine: notes (default; drafts from your notes, a skeleton without them) or remix (\(LocalDraftEngine.remixLabel)).", valueName: "engine"))
    var engine: String = "notes"
    @Option(help: "Target length in words.") var words: Int?
    @Option(help: "Target length in characters.") var chars: Int?
    @Option(help: "How many different pieces to write (1-10).") var variants: Int = 1
    @Option(help: "auto, local, openai, anthropic or openai-compatible (default: the vault's default_provider). auto: a configured remote provider, else a local model server that answers, else local.", completion: .providers) var provider: String?
    @Option(help: "Model name (default: the vault's default_model, else the provider's default).") var model: String?
    @Option(name: .customLong("base-url"), help: ArgumentHelp("The provider's API root, for proxies and local servers.", valueName: "url"))
    var baseURL: String?
    @Option(help: "Sampling temperature (local 0-3, openai 0-2, anthropic 0-1).") var temperature: Double?
    @Option(name: .customLong("exemplar-tokens"), help: ArgumentHelp("Tokens of the writer's own pieces shown whole as examples (default: a quarter of the model's context, 1000-6000).", valueName: "n"))
    var exemplarTokens: Int?
    @Option(help: "Seed for reproducible output (variant i uses seed+i).") var seed: UInt64?
    @Option(help: ArgumentHelp("Write an x thread of N posts.", valueName: "N")) var thread: Int?
    @Option(name: .customLong("dna-version"), help: "Write from this DNA revision (default: the latest).") var dnaVersion: Int?
    @Flag(inversion: .prefixedNo, help: "Print text as it is written (default: on when stdout is a terminal).") var stream: Bool?
    @Flag(name: .customLong("dry-run"), help: "Print the request a remote provider would get, and send nothing.") var dryRun = false
    @Flag(help: "Save each piece to library/ (committed).") var save = false
    @Flag(name: .customLong("allow-over-limit"), help: "Save and exit 0 even when a piece still breaks a platform's character limit after the one shortening request.")
    var allowOverLimit = false
    @Option(help: ArgumentHelp("Up to N rounds of scoring and revision; keeps the best text (1-10).", valueName: "N"))
    var refine: Int?
    @Option(name: .customLong("min-match"), help: ArgumentHelp("With --refine: the voice match to reach (0-100, default 70).", valueName: "score"))
    var minMatch: Int?
    @Option(name: .customLong("max-ai"), help: ArgumentHelp("With --refine: the highest acceptable AI-likeness (0-100, default: one below the detector's threshold).", valueName: "score"))
    var maxAI: Int?
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if prompt != nil && promptFile != nil { throw ValidationError("give the topic with --prompt TEXT or --prompt-file FILE, not both") }
        if prompt == nil && promptFile == nil && notes == nil {
            throw ValidationError("give the content with --notes FILE, or the topic with --prompt TEXT or --prompt-file FILE")
        }
        if promptFile == "-" && notes == "-" { throw ValidationError("only one of --prompt-file and --notes can read standard input") }
        if LocalDraftEngine(rawValue: engine) == nil { throw ValidationError("--engine takes notes or remix, got \(engine)") }
        if words != nil && chars != nil { throw ValidationError("give --words or --chars, not both") }
        if let words, words < 5 { throw ValidationError("--words must be at least 5") }
        if let chars, chars < 40 { throw ValidationError("--chars must be at least 40") }
        if !(1...10).contains(variants) { throw ValidationError("--variants takes 1 to 10") }
        if let thread, !(2...25).contains(thread) { throw ValidationError("--thread takes 2 to 25 posts") }
        if dryRun && save { throw ValidationError("--dry-run sends nothing, so there is nothing to --save") }
        if let refine, !(1...10).contains(refine) { throw ValidationError("--refine takes 1 to 10 rounds") }
        if refine == nil && (minMatch != nil || maxAI != nil) { throw ValidationError("--min-match and --max-ai go with --refine N") }
        if let minMatch, !(0...100).contains(minMatch) { throw ValidationError("--min-match takes a score from 0 to 100") }
        if let maxAI, !(0...100).contains(maxAI) { throw ValidationError("--max-ai takes a score from 0 to 100") }
        if let exemplarTokens, !(0...100_000).contains(exemplarTokens) { throw ValidationError("--exemplar-tokens takes 0 to 100000") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let topic = try readPrompt()
        // A refined piece is known only after its last round: nothing to stream.
        let streaming = !options.json && !dryRun && refine == nil && (stream ?? Output.stdoutIsTerminal)
        let printer = StreamPrinter(variants: variants)
        var generateOptions = GenerateOptions(
            clone: clone, platform: platform, prompt: topic,
            length: words.map(LengthTarget.words) ?? chars.map(LengthTarget.characters), variants: variants,
            provider: provider, model: model, baseURL: baseURL, temperature: temperature, seed: seed,
            threadPosts: thread, dryRun: dryRun, save: save, dnaVersion: dnaVersion,
            refine: refine.map { RefineOptions(rounds: $0, minVoiceMatch: minMatch ?? RefineOptions.defaultMinVoiceMatch, maxAILikeness: maxAI) })
        generateOptions.notes = try notes.map(readNotes)
        generateOptions.engine = LocalDraftEngine(rawValue: engine) ?? .notes
        generateOptions.allowOverLimit = allowOverLimit
        generateOptions.exemplarTokens = exemplarTokens
        if streaming { generateOptions.onText = { printer.write(variant: $0, $1) } }
        // Each refine round on stderr as it ends: a language model's round can take a minute.
        if refine != nil && !options.json && !dryRun {
            let many = variants > 1
            generateOptions.onRound = { variant, round in
                let match = round.voiceMatch.map { "\($0)" } ?? "n/a"
                Output.error((many ? "variant \(variant + 1) " : "") + "round \(round.round): voice match \(match), "
                    + "AI-likeness \(round.aiLikeness) — \(round.action)" + (round.passed ? " ✓" : "")
                    + (round.failedChecks.isEmpty ? "" : " (fails \(round.failedChecks.joined(separator: ", ")))"))
            }
        }
        let request = generateOptions
        let report: GenerateReport
        do {
            report = try CancellableRun.run { try await workspace.generation.generate(request) }
        } catch ExitCodeError.interrupted {
            throw ExitCode(130)
        }
        if dryRun { return try printDryRun(report) }
        if options.json {
            try report.results.count == 1 ? Output.json(report.results[0]) : Output.json(report.results)
        } else if streaming {
            printer.finish()
            for result in report.results {
                // The streamed answer broke a limit and the model shortened it: show the text that counts.
                if result.shortened != nil {
                    Output.error("— the answer above broke a limit; the model was asked to shorten it"
                        + (report.results.count > 1 ? " (variant \(result.variant))" : "") + ":")
                    Output.line(result.piece.text)
                }
                footer(result)
            }
        } else {
            for result in report.results {
                if report.results.count > 1 { Output.line("--- variant \(result.variant) ---") }
                Output.line(result.piece.text)
                footer(result)
                if result.variant < report.results.count { Output.line() }
            }
        }
        // An unmet check is a failure for scripts: the piece is printed (and saved if asked), then exit 1.
        let unmet = report.unmetChecks(allowOverLimit: allowOverLimit, saveRequested: save)
        if !unmet.isEmpty {
            Output.error("error: " + unmet.joined(separator: "; ") + ". Edit the piece, or generate again (shorter, or with --refine); "
                + "--allow-over-limit accepts a piece over a limit.")
            throw ExitCode(1)
        }
    }

    private func readNotes(_ path: String) throws -> String {
        let limit = 1_048_576
        if path == "-" { return String(decoding: try BoundedInput.standardInput(limit: limit), as: UTF8.self) }
        guard FileManager.default.fileExists(atPath: path) || ContainedFile.isSymbolicLink(path) else {
            throw ValidationError("cannot read the notes file \(path): no such file, or it is not readable")
        }
        return String(decoding: try BoundedInput.file(path, limit: limit), as: UTF8.self)
    }

    private func readPrompt() throws -> String {
        if let prompt { return prompt }
        guard let promptFile else { return "" }
        let limit = 1_048_576
        if promptFile == "-" { return String(decoding: try BoundedInput.standardInput(limit: limit), as: UTF8.self) }
        guard FileManager.default.fileExists(atPath: promptFile) || ContainedFile.isSymbolicLink(promptFile) else {
            throw ValidationError("cannot read the prompt file \(promptFile): no such file, or it is not readable")
        }
        return String(decoding: try BoundedInput.file(promptFile, limit: limit), as: UTF8.self)
    }

    /// Provenance, scores and failed checks on stderr, so stdout holds only the piece (safe to pipe or redirect).
    private func footer(_ result: GenerationResult) {
        let p = result.piece
        var parts = [p.provider, p.model, p.platform]
        if let version = result.dnaVersion { parts.append("DNA v\(version)") }
        if let seed = p.seed { parts.append("seed \(seed)") }
        if let match = result.voiceMatch {
            parts.append("voice match \(result.plainNotes.map { "\($0.voiceMatch.map(String.init) ?? "n/a") → " } ?? "")\(match)/100")
        }
        if let ai = result.aiLikeness { parts.append("AI-likeness \(result.plainNotes.map { "\($0.aiLikeness) → " } ?? "")\(ai)/100") }
        if result.plainNotes != nil { parts.append("before = the notes written plainly") }
        if let run = p.longestCopiedRun { parts.append("longest copied run \(run) words") }
        if let refine = result.refine {
            // The rounds themselves were printed as they ended.
            parts.append("kept round \(refine.keptRound) of \(refine.rounds.count) (aims: voice match ≥ \(refine.minVoiceMatch), "
                + "AI-likeness ≤ \(refine.maxAILikeness)\(refine.passed ? ", met" : ", not met"))")
        }
        Output.error("— " + parts.joined(separator: " · "))
        for check in p.checks where !check.passed { Output.error("  ✗ \(check.name): \(check.detail)") }
        for warning in p.warnings { Output.error("  warning: \(warning)") }
        if let saved = result.saved { Output.error("  saved to \(saved.path)") }
    }

    private func printDryRun(_ report: GenerateReport) throws {
        if options.json {
            return try Output.json(report.dryRunOutput)
        }
        Output.error("Dry run: nothing was sent. This is exactly what would go to \(report.dryRun.first?.provider ?? "the provider") "
            + "(the key is shown as [redacted]).")
        for warning in report.warnings { Output.error("warning: \(warning)") }
        if let tokens = report.promptTokens {
            Output.error("Prompt: about \(tokens) tokens; whole examples: "
                + (report.exemplarSampleIDs.isEmpty ? "none" : report.exemplarSampleIDs.joined(separator: ", ")) + ".")
        }
        for (index, request) in report.dryRun.enumerated() {
            if report.dryRun.count > 1 { Output.line("--- request \(index + 1) of \(report.dryRun.count) ---") }
            Output.line(request.rendered)
        }
    }
}
