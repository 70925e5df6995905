import Foundation
import VoiceCloneText

/// Judges how machine-written a text reads: a calibrated 0–100 score, the signals behind it, and the sentences
/// that raised it, each with a suggestion.
///
/// Heuristic detectors are weak and biased (Liang et al. 2023 found them flagging non-native writers far too
/// often), so this reports evidence and a calibrated probability, not a verdict, and with a writer's baseline it
/// judges each signal against how that person writes. It never looks at spelling or grammar errors.
/// Immutable and thread-safe.
public struct Detector: Sendable {
    public let lexicon: DetectionLexicon
    public let model: DetectionModel

    public init(lexicon: DetectionLexicon = .bundled, model: DetectionModel = .bundled) {
        self.lexicon = lexicon
        self.model = model
    }

    /// Measures every signal of a text without scoring it.
    public func measure(_ text: String) -> TextMeasurement {
        let r = SignalMeter(lexicon: lexicon).measure(text)
        var phrases = Set<String>()
        for e in r.evidence {
            phrases.formUnion(e.tells)
            phrases.formUnion(e.hedges)
            phrases.formUnion(e.signposts)
            if let t = e.transition { phrases.insert(t) }
        }
        return TextMeasurement(measurements: r.measurements, words: r.words, listedPhrases: phrases)
    }

    /// Measures many texts in parallel, in the order given.
    public func measure(_ texts: [String]) -> [TextMeasurement] {
        ParallelMap.map(texts.count) { measure(texts[$0]) }
    }

    /// Scores one text.
    /// - Parameters:
    ///   - baseline: the writer to judge against (their habits are not held against the text).
    ///   - threshold: the verdict's threshold; the model's default when nil.
    public func detect(_ text: String, baseline: DetectionBaseline? = nil, threshold: Int? = nil) -> DetectionResult {
        let measured = SignalMeter(lexicon: lexicon).measure(text, habitual: baseline?.habitualPhrases ?? [])
        var inputs: [DetectionSignalKind: Double] = [:]
        var signals: [DetectionSignal] = []
        var quiet = Set<DetectionSignalKind>()
        for m in measured.measurements {
            let allowance = baseline?.allowance(m.kind, reference: model.humanReference[m.kind] ?? 0) ?? 0
            var input = max(0, m.input - allowance)
            // A text that does no more of this than the writer's own habit shows nothing against them.
            if allowance > 0, let mine = baseline?.inputs[m.kind], m.input <= mine { input = 0 }
            inputs[m.kind] = input
            let weight = model.weights[m.kind] ?? 0
            // A signal the writer does by habit (or one that adds next to nothing) raises no sentence flags.
            if allowance > 0 && input < 0.5 * m.input || weight * input < 0.05 { quiet.insert(m.kind) }
            // Plenty of people use a dash now and then; only a dash habit (4+ per 1,000 words) is worth a flag.
            if m.kind == .emDashes && m.value < 4 { quiet.insert(m.kind) }
            signals.append(DetectionSignal(
                name: m.kind.rawValue, value: Self.round(m.value), weight: Self.round(weight),
                contribution: Self.round(weight * input), baseline: baseline?.values[m.kind].map { Self.round($0) },
                description: m.kind.summary))
        }
        // Phrase-level evidence is concrete: flag it whenever it is present and not habitual, even if the
        // whole-text rate is modest.
        for kind in [DetectionSignalKind.aiVocabulary, .hedgingSignposting, .notJustButY, .ruleOfThree, .titleCaseHeadings, .emojiBullets]
        where (inputs[kind] ?? 0) > 0 && (baseline?.allowance(kind, reference: model.humanReference[kind] ?? 0) ?? 0) == 0 {
            quiet.remove(kind)
        }
        let threshold = threshold ?? model.threshold
        let flags = SentenceFlagger(lexicon: lexicon, quiet: quiet).flags(measured)
        guard model.style != nil else {
            let (score, _) = model.score(inputs, words: measured.words)
            return DetectionResult(
                score: score, likelyAI: score >= threshold, threshold: threshold,
                meaning: Self.meaning(score: score, threshold: threshold, baseline: baseline?.clone),
                reliability: .forWords(measured.words), words: measured.words, baseline: baseline?.clone,
                signals: signals, flags: flags)
        }
        let judged = model.judge(inputs: inputs, style: StyleFeatures(document: measured.document), writerStyle: baseline?.style)
        let withheld = measured.words < CombinedFit.verdictWords
        let humanShare = model.humanShare(atOrAbove: judged.logit, words: measured.words)
        var result = DetectionResult(
            score: judged.score, likelyAI: !withheld && judged.score >= threshold, threshold: threshold,
            meaning: Self.meaning(score: judged.score, threshold: threshold, baseline: baseline?.clone)
                + Self.rarity(humanShare, withheld: withheld),
            reliability: .forWords(measured.words), words: measured.words, baseline: baseline?.clone,
            signals: signals, flags: flags)
        result.verdictWithheld = withheld
        result.band = ScoreBand(logit: judged.logit, words: measured.words)
        result.humanShare = humanShare.map(Self.round)
        result.style = StyleFeatures.groups.map { g in
            StyleEvidence(name: g.name, contribution: Self.round(judged.styleGroups[g.name] ?? 0), description: g.summary)
        }
        return result
    }

    /// Scores many texts in parallel, in the order given.
    public func detect(_ texts: [String], baseline: DetectionBaseline? = nil, threshold: Int? = nil) -> [DetectionResult] {
        ParallelMap.map(texts.count) { detect(texts[$0], baseline: baseline, threshold: threshold) }
    }

    static func meaning(score: Int, threshold: Int, baseline: String?) -> String {
        let against = baseline.map { " for \($0)" } ?? ""
        let band: String
        switch score {
        case ..<20: band = "Reads as human-written\(against): few or no machine-typical habits."
        case ..<threshold: band = "Mostly human-sounding\(against), with some machine-typical habits worth a look."
        case ..<85: band = "Several machine-typical habits\(against): this reads like AI-assisted text."
        default: band = "Strongly machine-typical\(against): stock phrases and even rhythm throughout."
        }
        return band + " The score is evidence, not proof."
    }

    static func round(_ x: Double) -> Double {
        guard x.isFinite else { return 0 }
        return (x * 10_000).rounded() / 10_000
    }
}
