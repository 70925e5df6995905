import ArgumentParser
import VoiceCloneKit

struct LibraryList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved pieces, newest first.",
        discussion: HelpExamples.libraryList)

    @Option(help: "Only this clone's pieces.", completion: .clones) var clone: String?
    @Option(help: "Only pieces for this platform.", completion: .platforms) var platform: String?
    @Option(help: "Only pieces with this status: draft, approved, published.", completion: .list(["draft", "approved", "published"])) var status: String?
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if let status, LibraryStatus(loose: status) == nil {
            throw ValidationError("--status takes draft, approved or published")
        }
    }

    func run() throws {
        let filter = LibraryFilter(clone: clone, platform: platform, status: status.flatMap(LibraryStatus.init(loose:)))
        let (entries, problems) = try options.workspace().library.entries(filter)
        for problem in problems { Output.error("warning: \(problem)") }
        if options.json { return try Output.json(entries) }
        if entries.isEmpty {
            Output.line("No saved pieces\(clone == nil && platform == nil && status == nil ? "" : " match") yet. Save one with `voiceclone generate CLONE --prompt ... --save`.")
            return
        }
        Output.table(["ID", "STATUS", "CLONE", "PLATFORM", "PROVIDER", "WORDS", "MATCH", "AI"], entries.map { e in
            [e.id, e.status.rawValue, e.clone, e.platform, e.provider, String(e.words), e.scores.voiceMatch.map(String.init) ?? "-",
             e.scores.aiLikeness.map(String.init) ?? "-"]
        })
    }
}
