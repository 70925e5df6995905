/// One commit of the vault's history, described for people: what kind of change it was, which
/// clones it touched, how many sample files and which DNA revisions.
public struct HistoryEntry: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case created, samples, dna, clone, handEdits = "hand_edits", sync, merge, other
    }

    public var commit: String
    /// ISO 8601, UTC.
    public var date: String
    public var author: String
    public var kind: Kind
    /// The commit message's first line.
    public var summary: String
    public var clones: [String]
    /// Sample files the commit added, changed or removed.
    public var sampleFiles: Int
    /// DNA revision files it touched, e.g. `alice/v0003`.
    public var dnaRevisions: [String]
    public var parents: Int

    enum CodingKeys: String, CodingKey {
        case commit, date, author, kind, summary, clones, parents
        case sampleFiles = "sample_files"
        case dnaRevisions = "dna_revisions"
    }

    /// One line for `voiceclone log`.
    public var line: String {
        var details: [String] = []
        if sampleFiles > 0 { details.append("\(sampleFiles) sample file\(sampleFiles == 1 ? "" : "s")") }
        if !dnaRevisions.isEmpty { details.append("DNA " + dnaRevisions.joined(separator: ", ")) }
        let tail = details.isEmpty ? "" : " (" + details.joined(separator: "; ") + ")"
        return "\(commit.prefix(8))  \(date.prefix(10))  \(author): \(summary)\(tail)"
    }
}
