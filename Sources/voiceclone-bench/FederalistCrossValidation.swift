import Foundation
import VoiceCloneAttribution

/// Leave-one-paper-out on the 70 single-author Federalist papers — the training side of the
/// Federalist evaluation only; the 12 disputed papers are never read here. Each paper is attributed
/// among Hamilton, Madison and Jay trained on the other 69. This is how settings may be compared on
/// this corpus without looking at the papers the evaluation is about.
func runFederalistCrossValidation(corpora: URL, grid: [(String, AttributionSettings)]) throws -> String {
    let papers = try AttributionCorpus.federalist(corpora)
        .filter { AttributionCorpus.federalistAuthors.contains($0.label) }
        .map { (author: $0.label, text: $0.text) }
    let authors = Set(papers.map(\.author)).sorted()
    var report = "federalist leave-one-paper-out on the 70 single-author papers (disputed papers not read)\n"
    for (name, settings) in grid {
        let start = Date()
        let scanned = ScannedText.scan(papers.map(\.text), settings: settings)
        var correct: [String: Int] = [:], total: [String: Int] = [:]
        var logLoss = 0.0
        var wordCounts: [Int: Int] = [:]
        for held in papers.indices {
            let candidates = authors.map { author in
                ScannedCandidate(name: author, texts: papers.indices.filter { $0 != held && papers[$0].author == author }.map { scanned[$0] })
            }
            let attributor = try Attributor(scanned: candidates, settings: settings)
            let result = attributor.attribute(papers[held].text)
            wordCounts[attributor.calibration.mostFrequentWords, default: 0] += 1
            let author = papers[held].author
            total[author, default: 0] += 1
            if result.best == author { correct[author, default: 0] += 1 }
            let p = result.ranking.first { $0.clone == author }?.probability ?? 0
            logLoss -= log(max(p, 1e-9))
        }
        let all = correct.values.reduce(0, +)
        let perAuthor = authors.map { "\($0) \(correct[$0] ?? 0)/\(total[$0] ?? 0)" }.joined(separator: ", ")
        report += name.padding(toLength: 44, withPad: " ", startingAt: 0)
            + String(format: " %d/%d (%@)  log-loss %.2f  (%.1f s)  MFW used: %@\n", all, papers.count, perAuthor,
                     logLoss / Double(papers.count), Date().timeIntervalSince(start),
                     wordCounts.keys.sorted().map { "\($0)×\(wordCounts[$0] ?? 0)" }.joined(separator: " "))
    }
    return report
}
