import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault

/// `voiceclone analyze`: samples → Voice DNA → a new revision, or nothing when the voice did not change.
extension DNAService {
    /// Analyses one clone from its own samples only: the stored DNA never depends on what else is in the vault,
    /// so the same samples give the same bytes (what sets a writer apart from the other clones is measured when
    /// shown, by `describeDNA`).
    public func analyze(_ clone: String, options: AnalyzeOptions = .init(), progress: ProgressSink? = nil) throws -> DNAStoreResult {
        try locking {
            let record = try index.requireClone(clone)
            if record.manifest.merge != nil { return try session.merges.reblendMerged(record.slug) }
            progress?.update(done: 0, total: 1, label: "analysing \(record.slug)")
            defer { progress?.finish() }
            return try analyze(record, samples: analysisSamples(of: record.slug), options: options)
        }
    }

    /// Analyses every clone, reading each clone's samples once; merged clones are re-blended after their sources.
    /// A clone that cannot be analysed (too few words) gets its error in the results; the others still run.
    public func analyzeAll(options: AnalyzeOptions = .init(), progress: ProgressSink? = nil) throws -> [Result<DNAStoreResult, AnalyzeFailure>] {
        try locking {
            let clones = index.clones
            let plain = clones.filter { $0.manifest.merge == nil }
            var results: [Result<DNAStoreResult, AnalyzeFailure>] = []
            for (i, clone) in plain.enumerated() {
                progress?.update(done: i, total: clones.count, label: "analysing \(clone.slug)")
                do {
                    results.append(.success(try analyze(clone, samples: analysisSamples(of: clone.slug), options: options)))
                } catch {
                    results.append(.failure(AnalyzeFailure(clone: clone.slug, message: error.localizedDescription)))
                }
            }
            for clone in clones where clone.manifest.merge != nil {
                do {
                    results.append(.success(try session.merges.reblendMerged(clone.slug)))
                } catch {
                    results.append(.failure(AnalyzeFailure(clone: clone.slug, message: error.localizedDescription)))
                }
            }
            progress?.finish()
            return results
        }
    }

    /// The other plain clones' samples by slug: what `describeDNA`'s vault-relative signature is "more than".
    /// Merged clones have no samples.
    func backgroundSamples(excluding slug: String, progress: ProgressSink? = nil) throws -> [String: [AnalysisSample]] {
        let others = index.clones.filter { $0.slug != slug && $0.manifest.merge == nil }
        var background: [String: [AnalysisSample]] = [:]
        for (i, other) in others.enumerated() {
            progress?.update(done: i, total: others.count + 1, label: "reading \(other.slug)")
            background[other.slug] = try analysisSamples(of: other.slug)
        }
        return background
    }

    private func analyze(_ record: CloneRecord, samples: [AnalysisSample], options: AnalyzeOptions) throws -> DNAStoreResult {
        var warnings: [String] = []
        let kept = Set(samples.map(\.id))
        let leftOut = record.samples.filter { !kept.contains($0.id) }.map(\.path)
        if !leftOut.isEmpty {
            warnings.append("\(leftOut.count) sample\(leftOut.count == 1 ? "" : "s") left out (a sync conflict copy, or git conflict markers; "
                + "`voiceclone check` says which): " + leftOut.joined(separator: ", "))
        }
        // A file the scanner refused (unreadable front matter, a symlink, too large) is not a sample, so it is not in
        // `record.samples`; the writer put it there to be counted, so the new revision says it was not.
        let refused = try session.samples.refusedFiles(record.slug)
        if !refused.isEmpty {
            warnings.append("\(refused.count) file\(refused.count == 1 ? "" : "s") in clones/\(record.slug)/samples/ could not be read and "
                + "\(refused.count == 1 ? "is" : "are") not counted; fix or remove \(refused.count == 1 ? "it" : "them") and analyse again: "
                + refused.map(\.located).joined(separator: "; "))
        }
        var dna = try VoiceAnalyzer().analyze(samples, includeAIAssisted: options.includeAIAssisted)
        dna.edits = try analysisEditLessons(record.slug, options: options)
        if dna.corpus.excludedAiAssisted > 0 {
            warnings.append("\(dna.corpus.excludedAiAssisted) sample\(dna.corpus.excludedAiAssisted == 1 ? "" : "s") marked ai_assisted left out (--include-ai-assisted counts them)")
        }
        return try store(dna, for: record.slug, warnings: warnings)
    }
}

/// A clone `analyze --all` could not analyse, and why.
public struct AnalyzeFailure: Error, Codable, Sendable, Equatable {
    public var clone: String
    public var message: String
}
