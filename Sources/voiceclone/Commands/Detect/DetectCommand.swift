import ArgumentParser
import Foundation
import VoiceCloneKit

struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "How machine-written does a text read? A calibrated 0-100 score, the signals, and the sentences to fix.",
        discussion: HelpExamples.discussion("""
            The score is evidence, not proof: heuristic detectors misjudge some human writers (non-native \
            writers especially), so read the flagged sentences before deciding anything. With --clone, every \
            signal is judged against that writer's own samples: their habits are not held against the text. \
            Works outside a vault too (without --clone). A vault can extend the word lists in \
            .voiceclone/detection/NAME.txt (tell-words, tell-phrases, transitions, hedges, signposts, plain-words). \
            Exits 1 if any input could not be read.
            """, HelpExamples.detect))

    @Argument(help: "Files, or - for standard input.") var files: [String]
    @Option(help: "Judge against this clone's writing.", completion: .clones) var clone: String?
    @Option(help: "Score (1-99) at or above which a text counts as likely AI (default: the model's, chosen so about 1 in 50 human texts or fewer reach it).") var threshold: Int?
    @OptionGroup var options: VaultOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name a file, or - for standard input") }
        if let t = threshold, !(1...99).contains(t) { throw ValidationError("--threshold takes a score from 1 to 99") }
    }

    func run() throws {
        let results: [Result<DetectionReport, InputFailure>]
        if clone == nil, options.vault == nil, (try? options.workspace()) == nil {
            results = try DetectionService.detectOutsideVault(inputs: files, threshold: threshold)
        } else {
            results = try options.workspace().detection.detect(inputs: files, clone: clone, threshold: threshold)
        }
        var reports: [DetectionReport] = []
        for r in results {
            switch r {
            case .success(let report): reports.append(report)
            case .failure(let f): Output.error(f.message)
            }
        }
        if options.json {
            if files.count == 1, let only = reports.first { try Output.json(only) } else { try Output.json(reports) }
        } else {
            for (k, report) in reports.enumerated() {
                if k > 0 { Output.line() }
                DetectCommand.printText(report)
            }
        }
        if reports.count < results.count { throw ExitCode.failure }
    }

    static func printText(_ report: DetectionReport) {
        let d = report.detection
        let verdict = d.verdictWithheld ? "no verdict under 80 words" : d.likelyAI ? "likely AI" : "not flagged"
        let band = d.band.map { ", band \($0.low)-\($0.high)" } ?? ""
        Output.line("\(report.file): AI-likeness \(d.score)/100 (\(verdict) at \(d.threshold)\(band); \(d.words) words, reliability \(d.reliability.level))")
        Output.line("  \(d.meaning)")
        if d.reliability.level != "high" { Output.line("  \(d.reliability.note)") }
        let strong = d.signals.filter { $0.contribution >= 0.1 }.sorted { $0.contribution > $1.contribution }
        if !strong.isEmpty {
            Output.line("  signals:")
            for s in strong {
                let base = s.baseline.map { String(format: ", you: %.2f", $0) } ?? ""
                let name = s.name.padding(toLength: 20, withPad: " ", startingAt: 0)
                Output.line("    \(name) " + String(format: "%.2f", s.value) + " (\(s.description)\(base)) +" + String(format: "%.2f", s.contribution))
            }
        }
        let styled = d.style.filter { $0.contribution >= 0.1 }.sorted { $0.contribution > $1.contribution }
        if !styled.isEmpty {
            Output.line("  style:")
            for s in styled {
                Output.line("    \(s.name.padding(toLength: 20, withPad: " ", startingAt: 0)) (\(s.description)) +" + String(format: "%.2f", s.contribution))
            }
        }
        if !d.flags.isEmpty { Output.line("  sentences:") }
        for f in d.flags {
            let short = f.sentence.count > 90 ? f.sentence.prefix(87) + "…" : Substring(f.sentence)
            Output.line("    [\(f.span.start)-\(f.span.end)] \(short)")
            Output.line("      why: \(f.reasons.joined(separator: "; "))")
            Output.line("      try: \(f.suggestion)")
        }
    }
}
