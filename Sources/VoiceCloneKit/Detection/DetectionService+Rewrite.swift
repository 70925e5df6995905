import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneDetection
import VoiceCloneRewrite
import VoiceCloneGeneration
import VoiceCloneText

/// `rewrite`: moves a draft toward a clone's voice and away from machine tells, and measures the result.
extension DetectionService {
    /// Rewrites `text` toward `clone`. With no `rewriter` the offline `LocalRewriter` does it; any other
    /// `DraftRewriting` gets the same guidance, is measured the same way, and is refused (``ContentLossError``)
    /// when it keeps less than 95% of the draft's content words.
    public func rewrite(clone: String, text: NamedText, rewriter: (any DraftRewriting)? = nil, engineName: String? = nil)
    throws -> RewriteReport {
        let context = try rewriteContext(clone: clone, text: text)
        if let rewriter {
            let rewritten = try rewriter.rewrite(text.text, guidance: context.guidance)
            return try rewriteReport(context, draft: text, rewritten: rewritten, edits: [:], engine: engineName ?? "provider",
                                     refuseContentLoss: true)
        }
        return try localRewrite(context, draft: text, engine: engineName ?? "local")
    }

    /// The offline rewrite of `text` with a context already built (so a caller that scores again, such as
    /// `keepRewrite`, builds the DNA, samples and scorer once).
    func localRewrite(_ context: RewriteContext, draft text: NamedText, engine: String = "local") throws -> RewriteReport {
        let local = LocalRewriter(lexicon: context.scorer.detector.lexicon, scorer: context.scorer)
        let (rewritten, edits, log) = local.rewriteWithEdits(text.text, guidance: context.guidance)
        return try rewriteReport(context, draft: text, rewritten: rewritten, edits: edits, engine: engine,
                                 refuseContentLoss: false, log: log)
    }

    /// Reads a file (or `-`) and rewrites it.
    public func rewrite(clone: String, input: String, rewriter: (any DraftRewriting)? = nil,
                        standardInput: () -> Data = { BoundedInput.standardInputOrOversize() }) throws -> RewriteReport {
        try rewrite(clone: clone, text: try InputText.read(input, standardInput: standardInput), rewriter: rewriter)
    }

    /// The clone's DNA, judges and the draft's guidance; the clone must have been analysed.
    func rewriteContext(clone: String, text: NamedText) throws -> RewriteContext {
        let record = try index.requireClone(clone)
        let dna = try session.dna.load(of: record.slug)
        guard !Self.hasNoWords(text.text) else { throw DetectionError.emptyText(name: text.file) }
        let samples = try session.samples.voiceSamples(of: record.slug).map(\.text)
        let scorer = try session.attribution.voiceScorer(clone: record.slug, dna: dna)
        return RewriteContext(clone: record.slug, writer: scorer.writerName, dna: dna, samples: samples, scorer: scorer,
                              draft: text.text)
    }

    /// A lower voice match after the rewrite that the draft's own band already spans: the edit guard lets a short
    /// text's score move within a quarter of its band (`EditGuard`), so "27 → 18" on a 52-word post is noise, not the
    /// rewrite making it less like the writer, and the writer should read it that way. `nil` when the score did not
    /// fall, or fell past the band.
    static func voiceFallWithinBand(before: Int, after: Int, band: ClosedRange<Int>?, words: Int, writer: String) -> String? {
        guard after < before, let band, band.contains(after) else { return nil }
        return "the voice match moved \(before) → \(after), inside the band of the draft's own score (\(band.lowerBound)–"
            + "\(band.upperBound)%): at \(words) words one edit can move it that far. The kept edits follow \(writer)'s "
            + "measured habits (see --diff); judge the text, not the two numbers"
    }

    /// Scores before and after, recall and diff. A language model's rewrite that drops content is refused.
    func rewriteReport(_ context: RewriteContext, draft text: NamedText, rewritten: String, edits: [String: Int],
                       engine: String, refuseContentLoss: Bool, log: [ShapingEdit] = []) throws -> RewriteReport {
        let lexicon = context.scorer.detector.lexicon
        let recall = ContentRecall.measure(draft: text.text, rewritten: rewritten, lexicon: lexicon)
        if refuseContentLoss && recall < 0.95 {
            throw ContentLossError(file: text.file, engine: engine, recall: recall, minimum: 0.95,
                                   missing: ContentLossError.missingWords(draft: text.text, rewritten: rewritten, lexicon: lexicon))
        }
        let scorer = context.scorer
        let after = scorer.detect(rewritten)
        var warnings: [String] = []
        var voiceBefore = 0, voiceAfter = 0
        do {
            let before = try scorer.voiceMatch(text.text)
            let matched = try scorer.voiceMatch(rewritten)
            voiceBefore = before.score
            voiceAfter = matched.score
            warnings.append(contentsOf: matched.warnings.map(\.message))
            let band = before.verification.map { Int(($0.band.lower * 100).rounded())...Int(($0.band.upper * 100).rounded()) }
            if let warning = Self.voiceFallWithinBand(before: voiceBefore, after: voiceAfter, band: band,
                                                       words: WordCount.count(rewritten), writer: context.clone) {
                warnings.append(warning)
            }
        } catch {
            warnings.append("voice match could not be measured: \(error.localizedDescription)")
        }
        if after.verdictWithheld {
            // The rewrite's guard lets AI-likeness move within the detector's band at this length (`EditGuard`), so a
            // rise of a few points is not a verdict; the writer should know that before reading the two numbers.
            let band = after.band.map { " (\($0.low)–\($0.high))" } ?? ""
            warnings.append("AI-likeness of a \(after.words)-word text is not a verdict: under 80 words the score could "
                + "be anywhere in its band\(band), and one edit can move it by tens of points")
        }
        let rawRecall = ContentRecall.raw(draft: text.text, rewritten: rewritten)
        if recall < 0.95 { warnings.append(String(format: "only %.1f%% of the draft's content words survived; check the diff", recall * 100)) }
        let triedEdits = log.contains { $0.kind.hasPrefix("not kept") }
        if rewritten == text.text {
            warnings.append(triedEdits
                ? "no edit kept: every edit tried lowered the voice match or raised AI-likeness (see --diff)"
                : "nothing to change: the draft already follows \(context.clone)'s habits")
        }
        return RewriteReport(
            file: text.file, clone: context.clone, engine: engine, text: rewritten,
            before: .init(aiLikeness: context.guidance.detection.score, voiceMatch: voiceBefore),
            after: .init(aiLikeness: after.score, voiceMatch: voiceAfter), contentWordRecall: recall, allWordRecall: rawRecall,
            edits: edits, diff: RewriteDiff.between(text.text, rewritten, edits: log), warnings: warnings)
    }
}
