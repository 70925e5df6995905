import VoiceCloneAnalysis

/// The commit message of a DNA revision: the numbers people look for first, then the largest trait changes,
/// so `git log` alone tells the story of a voice.
enum DNACommitMessage {
    static func make(dna: VoiceDNA, changes: [DNAChange], title: String?) -> String {
        let c = dna.corpus
        var lines = [title ?? "\(dna.clone): DNA v\(dna.version) (\(c.samples) samples, \(NumberText.grouped(c.words)) words, confidence \(dna.confidence.score))"]
        let top = changes.prefix(6)
        if top.isEmpty {
            let traits = TraitCatalog.readings(of: dna.profile).prefix(5)
            if !traits.isEmpty {
                lines.append("")
                lines.append("Most distinctive traits:")
                lines.append(contentsOf: traits.map { "- \($0.description)" })
            }
        } else {
            lines.append("")
            lines.append("Largest changes since v\(dna.version - 1):")
            lines.append(contentsOf: top.map { "- \($0.description)" })
        }
        return lines.joined(separator: "\n")
    }
}
