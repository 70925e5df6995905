import ArgumentParser
import VoiceCloneKit

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse a clone's samples into a new Voice DNA revision (committed), or say it is unchanged.",
        discussion: HelpExamples.discussion("Samples marked ai_assisted are left out unless --include-ai-assisted. A merged clone is re-blended from its sources' current DNA.", HelpExamples.analyze))

    @Argument(help: "Clone name or slug (omit with --all).", completion: .clones) var clone: String?
    @Flag(help: "Analyse every clone.") var all = false
    @Flag(name: .customLong("include-ai-assisted"), help: "Count samples marked ai_assisted too.") var includeAIAssisted = false
    @Flag(name: .customLong("with-llm"), help: "Also ask a language model for the qualitative side (tone, attitude, themes, do's and don'ts, with quoted evidence).")
    var withLLM = false
    @Option(help: "Provider for --with-llm: openai, anthropic or openai-compatible (default: the vault's default_provider).", completion: .providers) var provider: String?
    @Option(help: "Model for --with-llm.") var model: String?
    @Option(name: .customLong("base-url"), help: ArgumentHelp("The provider's API root, for --with-llm.", valueName: "url")) var baseURL: String?
    @Flag(help: "With --with-llm: ask the model again even when the same samples already went to the same model.") var refresh = false
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if all == (clone != nil) { throw ValidationError("name one clone, or pass --all") }
        if withLLM && all { throw ValidationError("--with-llm works on one clone at a time") }
        if refresh && !withLLM { throw ValidationError("--refresh goes with --with-llm") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let analyzeOptions = AnalyzeOptions(includeAIAssisted: includeAIAssisted)
        let progress = TerminalProgress(enabled: !options.json)
        if let clone, withLLM {
            let describe = DescribeVoiceOptions(clone: clone, provider: provider, model: model, baseURL: baseURL, refresh: refresh)
            let result = try CancellableRun.run { try await workspace.dna.analyzeWithLLM(clone, options: analyzeOptions, describe: describe) }
            if options.json { return try Output.json(result) }
            report(result)
            return
        }
        if let clone {
            let result = try workspace.dna.analyze(clone, options: analyzeOptions, progress: progress)
            if options.json { return try Output.json(result) }
            report(result)
            return
        }
        let results = try workspace.dna.analyzeAll(options: analyzeOptions, progress: progress)
        if options.json {
            try Output.json(results.map(AnalyzeOutcome.init))
        } else {
            for r in results {
                switch r {
                case .success(let s): report(s)
                case .failure(let f): Output.error("\(f.clone): \(f.message)")
                }
            }
        }
        if results.contains(where: { if case .failure = $0 { true } else { false } }) { throw ExitCode.failure }
    }

    private func report(_ r: DNAStoreResult) {
        if r.llmRequest == .skipped {
            Output.line("\(r.clone): no request sent: the same samples already went to the same model; its reading is kept (--refresh asks again)")
        }
        switch r.status {
        case .unchanged:
            Output.line("\(r.clone): unchanged — DNA v\(r.version) already matches the samples (\(r.samples) samples, \(r.words) words); nothing written")
        case .written:
            Output.line("\(r.clone): DNA v\(r.version) written to \(r.path)\(r.commit.map { " (commit \($0))" } ?? "")")
            Output.line("  \(r.samples) samples, \(r.words) words, confidence \(r.confidence)/100")
            for c in r.changes { Output.line("  · \(c)") }
        }
        for w in r.warnings { Output.line("  warning: \(w)") }
    }
}
