import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneAttribution
import VoiceCloneText

/// `attribute` and `match`: who wrote a text, and how much it sounds like one voice.
extension AttributionService {
    /// The library's default open-set threshold on the best voice's posterior (`VoiceAttribution.defaultOpenSetThreshold`,
    /// chosen on development splits of the training writers), for front ends' `--open-set-threshold` defaults.
    public static let defaultOpenSetThreshold = VoiceAttribution.defaultOpenSetThreshold

    /// Ranks clones for each text. The vault is scanned once and the voices' model trained once, however many
    /// texts there are. `clones` limits the candidates (default: every clone with samples). `method` picks the
    /// learned linear model (default; Cosine Delta when a voice has too little text) or Cosine Delta; with an
    /// `openSetThreshold`, a text whose best voice is unlikely to be its writer gets "none of these voices".
    public func attribute(_ inputs: [String], clones: [String]? = nil, top: Int? = nil,
                          settings: AttributionSettings = .standard, method: AttributionMethod = .learned,
                          openSetThreshold: Double? = VoiceAttribution.defaultOpenSetThreshold,
                          standardInput: () -> Data = { BoundedInput.standardInputOrOversize() },
                          progress: ProgressSink? = nil) throws -> [Result<AttributionReport, InputFailure>] {
        let candidates = try attributionCandidates(clones)
        let texts = readInputs(inputs, standardInput: standardInput)
        progress?.update(done: 0, total: 1, label: "training on \(candidates.count) voices, attributing \(inputs.count) texts")
        defer { progress?.finish() }
        let readable = texts.compactMap { try? $0.get() }
        guard candidates.count >= 2 else {
            if candidates.isEmpty { throw AttributionError.noCandidates }
            throw AttributionError.tooFewCandidates(count: candidates.count)
        }
        var answers = try VoiceAttribution.attribute(
            readable.map(\.text), candidates: candidates, method: method, top: top, openSetThreshold: openSetThreshold,
            settings: settings).makeIterator()
        return texts.map { r in
            r.flatMap { input in .success(AttributionReport(file: input.file, attribution: answers.next()!)) }
        }
    }

    /// Scores each text against one clone, 0–100, with the differences from its DNA in words.
    public func match(_ clone: String, inputs: [String], settings: AttributionSettings = .standard,
                      standardInput: () -> Data = { BoundedInput.standardInputOrOversize() }) throws -> [Result<MatchReport, InputFailure>] {
        let scorer = try voiceScorer(clone: clone, settings: settings)
        // Fail before reading the inputs when the voice cannot be scored at all (too little text).
        _ = try scorer.matcher.get()
        return readInputs(inputs, standardInput: standardInput).map { r in
            r.flatMap { input in
                var differences = scorer.differences(input.text)
                if scorer.profile == nil {
                    differences = ["\(scorer.clone) has no DNA yet: run `voiceclone analyze \(scorer.clone)` for trait-by-trait differences"]
                }
                do {
                    return .success(MatchReport(file: input.file, match: try scorer.voiceMatch(input.text), differences: differences))
                } catch {
                    return .failure(InputFailure(file: input.file, error: error.localizedDescription))
                }
            }
        }
    }

    /// The 0–100 voice match of `text` to `clone`: the number `match`, `generate`, `rewrite` and the refine loop
    /// report, all through ``VoiceScorer`` (build one with ``voiceScorer(clone:dna:settings:)`` to score many texts).
    public func voiceMatchScore(clone: String, text: String) throws -> Int {
        try voiceScorer(clone: clone).voiceMatch(text).score
    }

    /// Sample texts per clone. Samples marked ai_assisted and sync-conflict copies are left out, as in analysis.
    func attributionCandidates(_ names: [String]?) throws -> [AttributionCandidate] {
        let records: [CloneRecord]
        if let names {
            records = try names.map { try index.requireClone($0) }
        } else {
            // Merged clones are blends of these voices, not rival authors: name them with --clones to include them.
            records = index.clones.filter { !$0.samples.isEmpty && $0.manifest.merge == nil }
        }
        return try records.map { record in
            // A merged clone is judged by its sources' samples, drawn by weight.
            let texts = try session.samples.voiceSamples(of: record.slug).map(\.text)
            return AttributionCandidate(name: record.slug, texts: texts)
        }
    }

    private func readInputs(_ inputs: [String], standardInput: () -> Data) -> [Result<(file: String, text: String), InputFailure>] {
        InputText.each(inputs) { name in
            let text = try TextStatistics.read(name, standardInput: standardInput)
            // An empty text would get the prior back as if it were a verdict ("34% likely, 0 words").
            guard WordCount.count(text) > 0 else { throw AttributionError.emptyText(name: name == "-" ? "standard input" : name) }
            return (name, text)
        }
    }
}
