import Foundation
import VoiceCloneAnalysis
import VoiceCloneHistory
import VoiceCloneText
import VoiceCloneVault

/// Voice DNA (`workspace.dna`): analysing a clone into a DNA revision, storing and reading revisions
/// (`clones/<slug>/dna/vNNNN.json`, one immutable file each), their log, diffs and descriptions, the samples an
/// analysis reads, the LLM-assisted qualitative reading, and `learn` (the writer's edits folded into the DNA).
public struct DNAService: WorkspaceService {
    let session: Workspace
}

/// Reading and writing a clone's DNA revisions: `clones/<slug>/dna/vNNNN.json`, one immutable file each.
extension DNAService {
    /// Revision numbers of a clone's DNA, ascending (empty when never analysed).
    public func versions(of clone: String) throws -> [Int] {
        try index.requireClone(clone).dnaVersions.sorted()
    }

    /// A clone's DNA, the latest when `version` is nil.
    public func load(of clone: String, version: Int? = nil) throws -> VoiceDNA {
        let record = try index.requireClone(clone)
        let versions = record.dnaVersions.sorted()
        guard let latest = versions.last else { throw DNAError.notAnalysed(clone: record.slug) }
        let wanted = version ?? latest
        guard versions.contains(wanted) else {
            throw DNAError.versionNotFound(clone: record.slug, version: wanted, available: versions)
        }
        return try readDNA(slug: record.slug, version: wanted)
    }

    /// The canonical bytes of a stored revision, exactly as in the file (for `dna show --json`).
    public func fileData(of clone: String, version: Int? = nil) throws -> Data {
        let dna = try load(of: clone, version: version)
        let record = try index.requireClone(clone)
        return try ContainedFile.read(dnaPath(record.slug, dna.version), in: vault, limit: Self.maxDNABytes)
    }

    /// The sample bodies of a clone (front matter removed), sorted by id, as the analyzer takes them.
    /// Local copies kept by a sync conflict are left out (they would count the same text twice), and so are samples
    /// holding git conflict markers; `analyze` lists both in its warnings.
    public func analysisSamples(of clone: String) throws -> [AnalysisSample] {
        let record = try index.requireClone(clone)
        let vault = self.vault
        let samples = record.samples.sorted { $0.id < $1.id }
        return try ParallelMap.map(samples) { sample -> AnalysisSample? in
            let (metadata, body) = try VaultScanner.readSample(sample, in: vault, reader: sampleReader)
            // A conflict copy repeats text; conflict markers are git's, not the writer's (`>>>>>>>` would read as a quote).
            if metadata.conflictOf != nil || ConflictMarkers.contains(body) { return nil }
            // A promoted draft the writer rewrote heavily is their writing; a lightly edited one is kept apart.
            return AnalysisSample(id: sample.id, text: body, contentType: metadata.contentType,
                                  aiAssisted: metadata.keptApartAsAIAssisted)
        }.compactMap { $0 }
    }

    /// Writes `dna` as the clone's next revision unless it holds the same analysis as the latest, and commits it.
    /// `message` replaces the generated commit message's first line when given.
    public func store(_ dna: VoiceDNA, for clone: String, message: String? = nil, warnings: [String] = []) throws -> DNAStoreResult {
        try locking {
            let record = try index.requireClone(clone)
            let previous = try record.latestDNAVersion.map { try readDNA(slug: record.slug, version: $0) }
            var dna = dna
            // The qualitative section is described by a language model on request; a plain `analyze` keeps the last one.
            var warnings = warnings
            if dna.qualitative == nil, let kept = previous?.qualitative {
                dna.qualitative = kept
                if let previous, try !sameBytes(previous, dna) {
                    warnings.append("qualitative section kept from v\(previous.version); run `voiceclone analyze \(record.slug) --with-llm` to refresh it")
                }
            }
            if let previous, try sameBytes(previous, dna), dna.qualitative == previous.qualitative {
                return DNAStoreResult(clone: record.slug, status: .unchanged, version: previous.version,
                                      path: dnaPath(record.slug, previous.version), samples: dna.corpus.samples,
                                      words: dna.corpus.words, confidence: dna.confidence.score, commit: nil, changes: [],
                                      warnings: warnings)
            }
            var next = dna
            next.clone = record.slug
            next.version = (record.dnaVersions.max() ?? 0) + 1
            let changes = try previous.map { try DNAComparison.compare($0, next) } ?? []
            let path = dnaPath(record.slug, next.version)
            let data = redactingSecrets(try next.canonicalJSON())
            let commitMessage = DNACommitMessage.make(dna: next, changes: changes, title: message)
            let commit = try changeCommitted { set in
                let dir = vault.dnaURL(record.slug)
                do {
                    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                } catch {
                    throw VaultError.notWritable(dir.path)
                }
                // createNew: a revision file is never overwritten, even if another process raced us to the number.
                try writeDNARevision(data, slug: record.slug, version: next.version, into: &set)
                set.message = commitMessage
            }.commit
            return DNAStoreResult(clone: record.slug, status: .written, version: next.version, path: path,
                                  samples: next.corpus.samples, words: next.corpus.words, confidence: next.confidence.score,
                                  commit: commit?.short, changes: changes.prefix(8).map(\.description), warnings: warnings)
        }
    }

    /// Whether `dna` would be written as the same bytes as `stored` (bar the revision number and the qualitative
    /// section). Comparing the canonical text, not the doubles, because the stored file holds rounded numbers.
    private func sameBytes(_ stored: VoiceDNA, _ dna: VoiceDNA) throws -> Bool {
        let a = stored
        var b = dna
        b.clone = a.clone
        b.version = a.version
        b.qualitative = a.qualitative
        return try a.canonicalJSON() == b.canonicalJSON()
    }

    /// A DNA revision is a few hundred kilobytes; anything far larger is not one.
    static let maxDNABytes = 32 * 1024 * 1024

    /// Writes a new revision file, never over an existing one (another process may have raced us to the number),
    /// then rewrites `latest.json` beside it, and records both for the commit. Every DNA write goes through here.
    func writeDNARevision(_ data: Data, slug: String, version: Int, into set: inout ChangeSet) throws {
        let path = dnaPath(slug, version)
        try AtomicFile.write(data, to: vault.url(forRelativePath: path), mode: .createNew)
        set.touch(path)
        let latest = latestDNAPath(slug)
        try AtomicFile.write(data, to: vault.url(forRelativePath: latest), mode: .replace)
        set.touch(latest)
    }

    /// Puts `latest.json` back to revision `version` (or removes it when there was none) after a change that
    /// wrote a revision and then failed.
    func restoreLatestDNA(_ slug: String, version: Int?) {
        let latest = vault.url(forRelativePath: latestDNAPath(slug))
        guard let version, let data = try? Data(contentsOf: vault.url(forRelativePath: dnaPath(slug, version))) else {
            try? FileManager.default.removeItem(at: latest)
            return
        }
        try? AtomicFile.write(data, to: latest, mode: .replace)
    }

    /// `clones/<slug>/dna/latest.json`: see `DNAFileName.latest`.
    func latestDNAPath(_ slug: String) -> String {
        vault.relativePath(vault.dnaURL(slug).appendingPathComponent(DNAFileName.latest))
    }

    func dnaPath(_ slug: String, _ version: Int) -> String {
        vault.relativePath(vault.dnaURL(slug).appendingPathComponent(DNAFileName.name(for: version)))
    }

    func readDNA(slug: String, version: Int) throws -> VoiceDNA {
        let path = dnaPath(slug, version)
        let data = try ContainedFile.read(path, in: vault, limit: Self.maxDNABytes)
        var dna = try VoiceDNA.decode(data, path: path)
        // The file name is the authority on the version: sync may renumber a revision that collided.
        dna.version = version
        return dna
    }
}
