import ArgumentParser
import Foundation
import VoiceCloneKit

struct DNALog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List a clone's DNA revisions.",
        discussion: HelpExamples.dnaLog)

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @OptionGroup var options: VaultOptions

    func run() throws {
        let revisions = try options.workspace().dna.log(of: clone)
        if options.json { return try Output.json(revisions) }
        if revisions.isEmpty { return Output.line("No DNA yet: run voiceclone analyze \(clone.shellQuoted)") }
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd HH:mm"
        Output.table(["VERSION", "DATE", "COMMIT", "SAMPLES", "WORDS", "CONFIDENCE"], revisions.reversed().map {
            ["v\($0.version)", $0.date.map(format.string(from:)) ?? "uncommitted", $0.commit ?? "-",
             String($0.samples), String($0.words), String($0.confidence)]
        })
    }
}
