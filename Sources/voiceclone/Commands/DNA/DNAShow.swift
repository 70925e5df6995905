import ArgumentParser
import Foundation
import VoiceCloneKit

struct DNAShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "The DNA in plain language (--json prints the file itself).",
        discussion: HelpExamples.dnaShow)

    @Argument(help: "Clone name or slug.", completion: .clones) var clone: String
    @Option(help: "Revision to show (default: the latest).") var version: Int?
    @Option(help: "How many traits to list.") var top = 10
    @OptionGroup var options: VaultOptions

    func run() throws {
        let workspace = try options.workspace()
        if options.json {
            FileHandle.standardOutput.write(try workspace.dna.fileData(of: clone, version: version))
            return
        }
        let d = try workspace.dna.describe(of: clone, version: version)
        let dna = d.dna
        Output.line("\(dna.clone) — DNA v\(dna.version): \(dna.corpus.samples) samples, \(dna.corpus.words) words, confidence \(dna.confidence.score)/100")
        Output.line()
        Output.line("What sets this writer apart (against typical edited English):")
        for t in d.traits.prefix(top) { Output.line("  • \(t.description)") }
        let s = dna.signature
        if !s.distinctivePhrases.isEmpty {
            Output.line()
            Output.line("Signature phrases: " + s.distinctivePhrases.prefix(8).map { "\"\($0.term)\"" }.joined(separator: ", "))
        }
        if !s.distinctiveWords.isEmpty {
            Output.line("Signature words: " + s.distinctiveWords.prefix(10).map(\.term).joined(separator: ", "))
        }
        if !s.avoidedWords.isEmpty {
            Output.line("Rarely uses: " + s.avoidedWords.prefix(8).map(\.term).joined(separator: ", "))
        }
        if let relative = d.againstOtherClones {
            let terms = relative.distinctiveWords.prefix(8).map(\.term) + relative.distinctivePhrases.prefix(5).map { "\"\($0.term)\"" }
            Output.line("More than the other voices here (\(relative.comparedWith.joined(separator: ", "))): " + terms.joined(separator: ", "))
        }
        let openers = dna.sentences.openers.prefix(5).map { "\($0.word) (\(Int(($0.share * 100).rounded()))%)" }
        if !openers.isEmpty { Output.line("Opens sentences with: " + openers.joined(separator: ", ")) }
        if dna.spelling.preference == "us" || dna.spelling.preference == "uk" {
            Output.line("Spelling: \(dna.spelling.preference.uppercased())")
        }
        if let edits = dna.edits {
            Output.line()
            Output.line("From your edits of \(edits.pieces) approved or published piece\(edits.pieces == 1 ? "" : "s") (voiceclone learn):")
            if edits.lessons.isEmpty { Output.line("  no pattern seen in \(edits.minSupport) or more pieces yet") }
            for lesson in edits.lessons { Output.line("  • \(lesson.plainDescription)") }
        }
        // The language model's reading, in full: every list, and the quotations it rests on.
        if let q = dna.qualitative {
            Output.line()
            Output.line("In the words of \(q.provider) \(q.model) (analyze --with-llm):")
            for (label, items) in [("Tone", q.tone), ("Attitude", q.attitude), ("Themes", q.themes)] where !items.isEmpty {
                Output.line("  \(label): " + items.joined(separator: ", "))
            }
            for (label, items) in [("Do", q.dos), ("Don't", q.donts)] where !items.isEmpty {
                Output.line("  \(label):")
                for item in items { Output.line("    • \(item)") }
            }
            if !q.evidence.isEmpty {
                Output.line("  In their own words:")
                for quote in q.evidence { Output.line("    “\(quote)”") }
            }
        }
        Output.line()
        let b = dna.confidence.breakdown
        Output.line(String(format: "Confidence %d/100: words %.0f/30, samples %.0f/20, variety %.0f/20, length spread %.0f/15, consistency %.0f/15",
                           dna.confidence.score, b.wordCount, b.samples, b.variety, b.lengthSpread, b.consistency))
        for a in dna.confidence.advice { Output.line("  → \(a)") }
    }
}
