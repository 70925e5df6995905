import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneVoice

/// `rewrite`: moves a draft toward a clone's voice and away from machine tells, and measures the result.
extension Workspace {
    /// Rewrites `text` toward `clone`. With no `rewriter` the offline `LocalRewriter` does it; a language-model
    /// rewriter (any `DraftRewriting`) gets the same guidance and is measured the same way.
    public func rewrite(clone: String, text: NamedText, rewriter: (any DraftRewriting)? = nil, engineName: String? = nil)
    throws -> RewriteReport {
        let record = try index.requireClone(clone)
        let dna = try loadDNA(of: record.slug)
        let samples = try analysisSamples(of: record.slug).filter { !$0.aiAssisted }.map(\.text)
        let detector = try self.detector()
        guard Tokenizer.wordCount(text.text) > 0 else { throw DetectionError.emptyText(name: text.file) }
        let baseline = DetectionBaseline(clone: record.slug, samples: samples, detector: detector, dna: dna)
        let detection = detector.detect(text.text, baseline: baseline)
        let guidance = RewriteGuidance(dna: dna, style: RewriteStyle(dna: dna, samples: samples),
                                       detection: detection, baseline: baseline)
        let rewritten: String
        var edits: [String: Int] = [:]
        if let rewriter {
            rewritten = try rewriter.rewrite(text.text, guidance: guidance)
        } else {
            let local = LocalRewriter(lexicon: detector.lexicon)
            (rewritten, edits) = local.rewriteWithCounts(text.text, guidance: guidance)
        }
        let after = detector.detect(rewritten, baseline: baseline)
        var warnings: [String] = []
        var voiceBefore = 0, voiceAfter = 0
        if samples.isEmpty {
            warnings.append("\(record.slug) has no samples of its own, so voice match could not be measured")
        } else {
            let matcher = try VoiceMatcher(clone: AttributionCandidate(name: record.slug, texts: samples))
            let scores = matcher.match([text.text, rewritten])
            voiceBefore = scores[0].score
            voiceAfter = scores[1].score
            warnings.append(contentsOf: scores[1].warnings.map(\.message))
        }
        let recall = ContentRecall.measure(draft: text.text, rewritten: rewritten, lexicon: detector.lexicon)
        let rawRecall = ContentRecall.raw(draft: text.text, rewritten: rewritten)
        if recall < 0.95 { warnings.append(String(format: "only %.1f%% of the draft's content words survived; check the diff", recall * 100)) }
        if rewritten == text.text { warnings.append("nothing to change: the draft already follows \(record.slug)'s habits") }
        return RewriteReport(
            file: text.file, clone: record.slug, engine: engineName ?? (rewriter == nil ? "local" : "provider"),
            text: rewritten, before: .init(aiLikeness: detection.score, voiceMatch: voiceBefore),
            after: .init(aiLikeness: after.score, voiceMatch: voiceAfter), contentWordRecall: recall, allWordRecall: rawRecall, edits: edits,
            diff: RewriteDiff.between(text.text, rewritten), warnings: warnings)
    }

    /// Reads a file (or `-`) and rewrites it.
    public func rewrite(clone: String, input: String, rewriter: (any DraftRewriting)? = nil,
                        standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws -> RewriteReport {
        try rewrite(clone: clone, text: try DetectionInputReader.read(input, standardInput: standardInput), rewriter: rewriter)
    }
}
