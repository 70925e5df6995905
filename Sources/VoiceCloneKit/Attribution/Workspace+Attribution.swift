import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneVoice

/// `attribute` and `match`: who wrote a text, and how much it sounds like one voice.
extension Workspace {
    /// Ranks clones for each text. The vault is scanned once and every clone's profile built once, however
    /// many texts there are. `clones` limits the candidates (default: every clone with samples).
    public func attribute(_ inputs: [String], clones: [String]? = nil, top: Int? = nil,
                          settings: AttributionSettings = .standard,
                          standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() },
                          progress: ProgressSink? = nil) throws -> [Result<AttributionReport, InputFailure>] {
        let candidates = try attributionCandidates(clones)
        progress?.update(done: 0, total: 2, label: "building \(candidates.count) voice profiles")
        let attributor = try Attributor(candidates: candidates, settings: settings)
        let texts = readInputs(inputs, standardInput: standardInput)
        progress?.update(done: 1, total: 2, label: "attributing \(inputs.count) texts")
        defer { progress?.finish() }
        let readable = texts.compactMap { try? $0.get() }
        var answers = attributor.attribute(readable.map(\.text), top: top).makeIterator()
        return texts.map { r in
            r.flatMap { input in .success(AttributionReport(file: input.file, attribution: answers.next()!)) }
        }
    }

    /// Scores each text against one clone, 0–100, with the differences from its DNA in words.
    public func match(_ clone: String, inputs: [String], settings: AttributionSettings = .standard,
                      standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws -> [Result<MatchReport, InputFailure>] {
        let record = try index.requireClone(clone)
        let candidate = try attributionCandidates([record.slug])[0]
        let matcher = try VoiceMatcher(clone: candidate, settings: settings)
        // Other voices in the vault are impostors (Koppel & Winter 2014): a short text can sit close to a voice
        // only because it is short, and being closer to this voice than to the others is the stronger evidence.
        let others = index.clones.filter { $0.slug != record.slug && !$0.samples.isEmpty }.map(\.slug)
        let impostors = others.isEmpty ? nil : try? Attributor(candidates: try attributionCandidates([record.slug] + others), settings: settings)
        let voice = try? loadDNA(of: record.slug).profile
        let writer = record.name.split(separator: " ").first.map(String.init) ?? record.name
        return readInputs(inputs, standardInput: standardInput).map { r in
            r.map { input in
                let profile = VoiceAnalyzer().stats(of: input.text)
                var differences = voice.map { TraitCatalog.deviations(of: profile, from: $0, writerName: writer).prefix(6).map(\.description) } ?? []
                if voice == nil { differences = ["\(record.slug) has no DNA yet: run `voiceclone analyze \(record.slug)` for trait-by-trait differences"] }
                var result = matcher.match(input.text)
                if let impostors {
                    let p = impostors.attribute(input.text).ranking.first { $0.clone == record.slug }?.probability ?? 0
                    let relative = min(1, p * Double(impostors.candidateNames.count) / 2)
                    result.score = Int((0.5 * Double(result.score) + 50 * relative).rounded())
                }
                return MatchReport(file: input.file, match: result, differences: differences)
            }
        }
    }

    /// Sample texts per clone. Samples marked ai_assisted and sync-conflict copies are left out, as in analysis.
    func attributionCandidates(_ names: [String]?) throws -> [AttributionCandidate] {
        let records: [CloneRecord]
        if let names {
            records = try names.map { try index.requireClone($0) }
        } else {
            records = index.clones.filter { !$0.samples.isEmpty }
        }
        return try records.map { record in
            if record.manifest.merge != nil, record.samples.isEmpty {
                throw VaultError.invalidName(record.slug, reason: "is a merged clone with no samples of its own; attribute against its sources")
            }
            let texts = try analysisSamples(of: record.slug).filter { !$0.aiAssisted }.map(\.text)
            return AttributionCandidate(name: record.slug, texts: texts)
        }
    }

    private func readInputs(_ inputs: [String], standardInput: () -> Data) -> [Result<(file: String, text: String), InputFailure>] {
        inputs.map { input in
            do {
                return .success((input, try TextStatistics.read(input, standardInput: standardInput)))
            } catch {
                return .failure(InputFailure(file: input, error: error.localizedDescription))
            }
        }
    }
}
