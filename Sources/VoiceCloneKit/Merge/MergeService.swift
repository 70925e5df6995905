import Foundation
import VoiceCloneAnalysis
import VoiceCloneHistory
import VoiceCloneText
import VoiceCloneVault

/// Merged clones (`workspace.merges`): creating a clone whose DNA blends other clones', re-blending it when a
/// source changes, and reading its sources. Owns the `merge` section of a merged clone's `clone.md` and its DNA.
public struct MergeService: WorkspaceService {
    let session: Workspace
}

/// `voiceclone merge`: a new clone whose DNA is a weighted blend of other clones' DNA, and re-blending it later.
extension MergeService {
    /// Creates the clone `name` blended from `sources` (names or slugs) with `weights` (nil: equal shares; any
    /// positive numbers, normalised to sum to 1). Merged sources are flattened to the original voices. Writes
    /// `clone.md` (sources, weights, DNA versions; no samples) and `dna/v0001.json` in one commit.
    public func create(sources: [String], weights: [Double]?, name: String) throws -> MergeResult {
        try locking {
            let slug = try Slug.forCloneName(name)
            let displayName = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard sources.count >= 2 else { throw VoiceMergeError.tooFewSources(sources.count) }
            let normalised = try MergeWeights.normalise(weights, sources: sources.count)
            let index = self.index
            var named: [(clone: String, weight: Double)] = []
            for (source, weight) in zip(sources, normalised) {
                if source == slug || Slug.make(source) == slug || source.lowercased() == displayName.lowercased() {
                    throw VoiceMergeError.includesItself(clone: slug, path: [slug, slug])
                }
                let record = try index.requireClone(source)
                if named.contains(where: { $0.clone == record.slug }) { throw VoiceMergeError.duplicateSource(record.slug) }
                named.append((record.slug, weight))
            }
            let flat = try flatten(named, into: slug)
            let flattened = named.contains { index.clone(named: $0.clone)?.manifest.merge != nil }
            if let existing = index.clones.first(where: { $0.slug == slug }) {
                throw VaultError.cloneExists(displayName == existing.name ? displayName : "\(displayName)\" (taken by \"\(existing.name)", slug: slug)
            }
            var dna = try blend(flat)
            dna.clone = slug
            dna.version = 1
            let settings = Self.settings(flat, dna)
            let manifest = CloneManifest(
                name: displayName, description: "A blend of \(Self.describe(dna.merge?.sources ?? []))", created: isoDate(),
                merge: settings,
                notes: "A merged voice: its DNA is blended from its sources' DNA (see `merge:` above); it has no samples of its own. Run `voiceclone analyze \(slug)` to re-blend after a source changes.\n")
            let path = session.dna.dnaPath(slug, 1)
            let message = "\(slug): merge \(Self.describe(dna.merge?.sources ?? [])) (DNA v1)\n\n"
                + DNACommitMessage.make(dna: dna, changes: [], title: "DNA v1 blended from \(flat.count) voices, confidence \(dna.confidence.score)")
            let commit = try changeCommitted { set in
                if FileManager.default.fileExists(atPath: vault.cloneURL(slug).path) {
                    throw VaultError.cloneExists(displayName, slug: slug)
                }
                do {
                    try FileManager.default.createDirectory(at: vault.dnaURL(slug), withIntermediateDirectories: true)
                    try AtomicFile.write(manifest.render(), to: vault.manifestURL(slug), mode: .createNew)
                    try session.dna.writeDNARevision(try dna.canonicalJSON(), slug: slug, version: 1, into: &set)
                } catch {
                    // The folder did not exist a moment ago: leave no half-made clone behind.
                    try? FileManager.default.removeItem(at: vault.cloneURL(slug))
                    throw error
                }
                set.touch(vault.relativePath(vault.manifestURL(slug)))
                set.message = message
            }.commit
            let store = DNAStoreResult(clone: slug, status: .written, version: 1, path: path, samples: dna.corpus.samples,
                                       words: dna.corpus.words, confidence: dna.confidence.score,
                                       commit: commit?.short, changes: [], warnings: [])
            return MergeResult(clone: slug, name: displayName, sources: dna.merge?.sources ?? [], givenWeights: weights,
                               weightsNormalised: weights.map { !MergeWeights.sumToOne($0) } ?? false,
                               flattened: flattened, dna: store)
        }
    }

    /// Re-blends a merged clone from its sources' current DNA (what `analyze` does for a merged clone): a new
    /// revision and the updated DNA versions in `clone.md`, in one commit, or nothing when no source changed.
    public func reblend(clone: String) throws -> DNAStoreResult {
        try locking {
            let record = try index.requireClone(clone)
            guard let settings = record.manifest.merge, !settings.sources.isEmpty else {
                throw VoiceMergeError.notMerged(clone: record.slug)
            }
            let weights = try MergeWeights.normalise(settings.sources.map(\.weight), sources: settings.sources.count)
            let flat = try flatten(zip(settings.sources, weights).map { ($0.clone, $1) }, into: record.slug)
            var dna = try blend(flat)
            let previous = try record.latestDNAVersion.map { try session.dna.readDNA(slug: record.slug, version: $0) }
            let newSettings = Self.settings(flat, dna)
            dna.clone = record.slug
            if let previous {
                var candidate = dna
                candidate.version = previous.version
                candidate.qualitative = previous.qualitative
                if try candidate.canonicalJSON() == previous.canonicalJSON(), newSettings == settings {
                    return DNAStoreResult(clone: record.slug, status: .unchanged, version: previous.version,
                                          path: session.dna.dnaPath(record.slug, previous.version), samples: dna.corpus.samples,
                                          words: dna.corpus.words, confidence: dna.confidence.score, commit: nil,
                                          changes: [], warnings: [])
                }
            }
            dna.version = (record.dnaVersions.max() ?? 0) + 1
            let changes = try previous.map { try DNAComparison.compare($0, dna) } ?? []
            let path = session.dna.dnaPath(record.slug, dna.version)
            var manifest = record.manifest
            manifest.merge = newSettings
            let message = DNACommitMessage.make(dna: dna, changes: changes,
                                                title: "\(record.slug): re-blend DNA v\(dna.version) from \(Self.describe(dna.merge?.sources ?? []))")
            let commit = try changeCommitted { set in
                try FileManager.default.createDirectory(at: vault.dnaURL(record.slug), withIntermediateDirectories: true)
                try session.dna.writeDNARevision(try dna.canonicalJSON(), slug: record.slug, version: dna.version, into: &set)
                if manifest != record.manifest {
                    do {
                        try AtomicFile.write(manifest.render(), to: vault.manifestURL(record.slug), mode: .replace)
                    } catch {
                        // Without the updated versions in clone.md the new revision would look stale: take it back.
                        try? FileManager.default.removeItem(at: vault.url(forRelativePath: path))
                        session.dna.restoreLatestDNA(record.slug, version: previous?.version)
                        throw error
                    }
                    set.touch(vault.relativePath(vault.manifestURL(record.slug)))
                }
                set.message = message
            }.commit
            return DNAStoreResult(clone: record.slug, status: .written, version: dna.version, path: path,
                                  samples: dna.corpus.samples, words: dna.corpus.words, confidence: dna.confidence.score,
                                  commit: commit?.short, changes: changes.prefix(8).map(\.description),
                                  warnings: [])
        }
    }

    /// The original voices a merged clone blends, flattened, with normalised weights and the DNA versions its
    /// clone.md records; nil for an ordinary clone. Generation draws on these clones' samples by weight.
    public func sources(of clone: String) throws -> [MergeSource]? {
        let record = try index.requireClone(clone)
        guard let settings = record.manifest.merge, !settings.sources.isEmpty else { return nil }
        let weights = try MergeWeights.normalise(settings.sources.map(\.weight), sources: settings.sources.count)
        let recorded = Dictionary(settings.sources.map { ($0.clone, $0.dnaVersion) }, uniquingKeysWith: { a, _ in a })
        return try flatten(zip(settings.sources, weights).map { ($0.clone, $1) }, into: record.slug).map {
            MergeSource(clone: $0.clone, weight: $0.weight, dnaVersion: (recorded[$0.clone] ?? nil) ?? 0)
        }
    }

    /// `analyze` on a merged clone.
    func reblendMerged(_ slug: String) throws -> DNAStoreResult { try reblend(clone: slug) }

    // MARK: Helpers

    private func flatten(_ sources: [(clone: String, weight: Double)], into target: String) throws -> [(clone: String, weight: Double)] {
        let index = self.index
        let flattener = MergeFlattener { name in
            guard let record = index.clone(named: name), let merge = record.manifest.merge, !merge.sources.isEmpty else { return nil }
            let w = try MergeWeights.normalise(merge.sources.map(\.weight), sources: merge.sources.count)
            return zip(merge.sources, w).map { ($0.clone, $1) }
        }
        let flat = try flattener.flatten(sources.map { (index.clone(named: $0.clone)?.slug ?? $0.clone, $0.weight) }, into: target)
        guard flat.count >= 2 else { throw VoiceMergeError.tooFewSources(flat.count) }
        let weights = MergeWeights.quantise(flat.map(\.weight))
        return zip(flat, weights).map { ($0.clone, $1) }
    }

    /// Loads each original voice's latest DNA (a clear error names one never analysed) and blends them.
    private func blend(_ flat: [(clone: String, weight: Double)]) throws -> VoiceDNA {
        let sources = try flat.map { s in BlendSource(clone: try index.requireClone(s.clone).slug, weight: s.weight, dna: try session.dna.load(of: s.clone)) }
        return try VoiceBlender().blend(sources)
    }

    /// What clone.md records: the flattened sources, their (quantised) weights and the DNA versions blended.
    static func settings(_ flat: [(clone: String, weight: Double)], _ dna: VoiceDNA) -> MergeSettings {
        let versions = Dictionary((dna.merge?.sources ?? []).map { ($0.clone, $0.dnaVersion) }, uniquingKeysWith: { a, _ in a })
        return MergeSettings(sources: flat.map { MergeSettings.Source(clone: $0.clone, weight: $0.weight, dnaVersion: versions[$0.clone]) })
    }

    /// `a 70% + b 30%`.
    static func describe(_ sources: [MergeSource]) -> String {
        sources.map { "\($0.clone) \(Int(($0.weight * 100).rounded()))%" }.joined(separator: " + ")
    }
}
