import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault

/// `dna log`, `dna diff` and `dna show`: reading a voice's history and describing it.
extension DNAService {
    /// The revisions of a clone's DNA, oldest first, with the commit that added each.
    public func log(of clone: String) throws -> [DNARevision] {
        let record = try index.requireClone(clone)
        let prefix = vault.relativePath(vault.dnaURL(record.slug)) + "/"
        let commits = (try? repository().log(pathPrefix: prefix)) ?? []
        // Oldest commit touching each file: the one that added it (sync may rename a file later).
        var added: [String: (date: Date, commit: String, summary: String)] = [:]
        for info in commits {
            for path in info.changedPaths where path.hasPrefix(prefix) {
                added[path] = (info.date, info.id.short, info.summary)
            }
        }
        return try record.dnaVersions.sorted().map { version in
            let dna = try readDNA(slug: record.slug, version: version)
            let path = dnaPath(record.slug, version)
            let commit = added[path]
            return DNARevision(version: version, path: path, date: commit?.date, commit: commit?.commit,
                               samples: dna.corpus.samples, words: dna.corpus.words,
                               confidence: dna.confidence.score, summary: commit?.summary)
        }
    }

    /// What changed between two revisions (default: the last two), most important first.
    public func diff(of clone: String, from: Int? = nil, to: Int? = nil) throws -> DNADiff {
        let versions = try versions(of: clone)
        let slug = try index.requireClone(clone).slug
        guard !versions.isEmpty else { throw DNAError.notAnalysed(clone: slug) }
        let b = to ?? versions.last!
        let a: Int
        if let from {
            a = from
        } else {
            guard let previous = versions.last(where: { $0 < b }) else { throw DNAError.needTwoRevisions(clone: slug) }
            a = previous
        }
        let old = try load(of: slug, version: a), new = try load(of: slug, version: b)
        return DNADiff(clone: slug, from: a, to: b, changes: try DNAComparison.compare(old, new))
    }

    /// The DNA in plain language: what most sets the writer apart, against typical English and, for the latest
    /// revision, against the other clones in the vault today.
    public func describe(of clone: String, version: Int? = nil) throws -> DNADescription {
        let dna = try load(of: clone, version: version)
        let record = try index.requireClone(clone)
        guard version == nil || version == record.latestDNAVersion, record.manifest.merge == nil else {
            return DNADescription(dna: dna)
        }
        return DNADescription(dna: dna, againstOtherClones: try signatureAgainstOtherClones(record))
    }

    /// The signature measured against the other plain clones' samples, or nil when there are none (or the clone's
    /// samples no longer analyse, e.g. all removed since the last `analyze`).
    private func signatureAgainstOtherClones(_ record: CloneRecord) throws -> Signature? {
        let background = try backgroundSamples(excluding: record.slug).filter { !$0.value.isEmpty }
        guard !background.isEmpty,
              let dna = try? VoiceAnalyzer().analyze(try analysisSamples(of: record.slug), background: background) else { return nil }
        var signature = dna.signature
        signature.distinctiveWords.removeAll { $0.against != "clones" }
        signature.distinctivePhrases.removeAll { $0.against != "clones" }
        signature.avoidedWords = []
        return signature.distinctiveWords.isEmpty && signature.distinctivePhrases.isEmpty ? nil : signature
    }
}

/// The result of `dna diff`.
public struct DNADiff: Codable, Sendable, Equatable {
    public var clone: String
    public var from: Int
    public var to: Int
    public var changes: [DNAChange]
}
