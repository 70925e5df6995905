import ArgumentParser
import VoiceCloneKit

struct SampleAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add writing samples from files, folders, URLs or standard input (-).",
        discussion: HelpExamples.discussion("Supported: \(SupportedFormats.description). Text already in the clone is skipped. Exits 1 if any input failed.", HelpExamples.sampleAdd))

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Argument(help: "Files, folders, http(s) URLs, or - for standard input.") var sources: [String]
    @Option(help: "Title for the sample (default: the document's title or first heading).") var title: String?
    @Option(name: .customLong("type"), help: "Content type: \(ContentType.allCases.map(\.rawValue).joined(separator: ", ")).", completion: .list(ContentType.allCases.map(\.rawValue))) var contentType: String?
    @Flag(name: .customLong("ai-assisted"), help: "Mark the samples as written with AI help (left out of the DNA).") var aiAssisted = false
    @Option(help: ArgumentHelp("EPUB: `book` (one sample, default) or `chapters` (one per chapter).", valueName: "mode"), completion: .list(["book", "chapters"])) var split: String = "book"
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if sources.isEmpty { throw ValidationError("name at least one file, folder, URL or -") }
        if let t = contentType, ContentType(loose: t) == nil {
            throw ValidationError("unknown --type \(t); use one of \(ContentType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if split != "book" && split != "chapters" { throw ValidationError("--split takes book or chapters") }
    }

    func run() throws {
        let addOptions = SampleAddOptions(title: title, contentType: contentType.flatMap(ContentType.init(loose:)),
                                          aiAssisted: aiAssisted ? true : nil, splitChapters: split == "chapters")
        let results = try options.workspace().samples.add(clone, inputs: sources, options: addOptions,
                                                         progress: TerminalProgress(enabled: !options.json))
        if options.json {
            try Output.json(results)
        } else {
            for r in results {
                switch r.status {
                case .added:
                    let s = r.sample!
                    Output.line("added    \(r.input) → \(s.id) (\(s.words) words, \(s.contentType))")
                case .skipped:
                    Output.line("skipped  \(r.input): \(r.reason ?? "duplicate")")
                case .failed:
                    Output.error("failed   \(r.reason ?? r.input)")
                }
                for w in r.warnings { Output.line("         warning: \(w)") }
            }
            if results.count > 1 {
                let added = results.filter { $0.status == .added }
                Output.line("\(added.count) added (\(added.reduce(0) { $0 + ($1.sample?.words ?? 0) }) words), "
                    + "\(results.filter { $0.status == .skipped }.count) skipped, \(results.filter { $0.status == .failed }.count) failed")
            }
        }
        if results.contains(where: { $0.status == .failed }) { throw ExitCode.failure }
    }
}
