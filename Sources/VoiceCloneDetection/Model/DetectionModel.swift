import Foundation

/// The calibrated score: a logistic model over the signals' inputs, `score = 100 · σ(intercept + Σ weight · input)`.
///
/// Weights are fitted (non-negative, so every signal only ever adds evidence in its named direction) by
/// `voiceclone-bench detection-fit` on a training split and stored in `Resources/detection/model.tsv` with the human
/// reference input of each signal (its mean over the human training texts), which the per-writer baseline is judged
/// against. Signals the training texts never show (emoji bullets, headings, em dashes in student essays) keep a
/// documented prior weight rather than a fitted zero.
public struct DetectionModel: Sendable, Equatable {
    public var version: Int
    public var intercept: Double
    public var weights: [DetectionSignalKind: Double]
    /// Mean input over human training texts: what "a person writing normally" looks like on each signal.
    public var humanReference: [DetectionSignalKind: Double]
    /// Which weights were fitted (the rest are priors).
    public var fitted: Set<DetectionSignalKind>
    /// Default verdict threshold on the 0–100 score.
    public var threshold: Int
    /// Where the weights came from, one line (training split, date-free so the file is reproducible).
    public var trainedOn: String
    /// The style evidence's weights (function words, openings, clauses, predictability); nil in a signals-only model.
    public var style: StyleWeights?
    /// How often human texts of each length band score this high, for the score's meaning (see `HumanScoreTail`).
    public var humanTails: [HumanScoreTail] = []

    public init(version: Int, intercept: Double, weights: [DetectionSignalKind: Double],
                humanReference: [DetectionSignalKind: Double], fitted: Set<DetectionSignalKind>, threshold: Int,
                trainedOn: String) {
        self.version = version
        self.intercept = intercept
        self.weights = weights
        self.humanReference = humanReference
        self.fitted = fitted
        self.threshold = threshold
        self.trainedOn = trainedOn
    }

    /// Prior weights: used for every signal before a fit, and for signals the training data cannot inform.
    public static let priors: [DetectionSignalKind: Double] = [
        .aiVocabulary: 1.5, .lowBurstiness: 2.0, .lowLexicalVariety: 1.0, .uniformParagraphs: 1.0,
        .stackedTransitions: 3.0, .ruleOfThree: 2.0, .notJustButY: 3.0, .hedgingSignposting: 1.5,
        .emojiBullets: 2.0, .titleCaseHeadings: 1.0, .emDashes: 0.5, .fewContractions: 1.0, .impersonalVoice: 1.0,
    ]

    /// Signals whose weight is never fitted on the training essays because their link to machine writing there does
    /// not carry over: student essays use few em dashes and many contractions, while human novels are full of
    /// dashes and formal prose (the Federalist papers) never contracts. They keep their prior.
    public static let fixedPriors: Set<DetectionSignalKind> = [.emDashes, .fewContractions]

    /// The bundled fitted model, or the priors when the file is missing or unreadable.
    public static let bundled: DetectionModel = {
        if let text = DetectionResource.text("model", "tsv"), let model = try? parse(text) { return model }
        return DetectionModel(version: 0, intercept: -4, weights: priors, humanReference: [:], fitted: [],
                              threshold: 50, trainedOn: "priors only (model.tsv missing)")
    }()

    /// Below this many words the evidence is shrunk toward a typical human text (see `score(_:words:)`).
    public static let fullEvidenceWords = 150

    /// The score for the given inputs (0–100) and its logit.
    ///
    /// Every signal is a rate, and one stock phrase in a 15-word message is a rate of 7 per 100 words: on short
    /// texts the logit is pulled toward that of a typical human text (the human reference inputs) in proportion to
    /// `words / 150`, so a short note is not declared machine-written on a single phrase. Texts of 150 words or
    /// more (nearly all the training essays) are scored as fitted.
    public func score(_ inputs: [DetectionSignalKind: Double], words: Int? = nil) -> (score: Int, logit: Double) {
        var z = logit(inputs)
        if let words, words < Self.fullEvidenceWords {
            let reference = logit(humanReference)
            z = reference + (z - reference) * Double(max(words, 0)) / Double(Self.fullEvidenceWords)
        }
        let p = 1 / (1 + exp(-z))
        return (Int((100 * p).rounded()), z)
    }

    private func logit(_ inputs: [DetectionSignalKind: Double]) -> Double {
        var z = intercept
        for kind in DetectionSignalKind.allCases { z += (weights[kind] ?? 0) * (inputs[kind] ?? 0) }
        // Without style features given, the text is taken to be typical human on them.
        if let style { z += style.logit(style.humanMeans) }
        return z
    }

    // MARK: - File format

    /// Reads `model.tsv`: `version`, `intercept`, `threshold`, `trained_on` lines and one
    /// `signal<TAB>name<TAB>weight<TAB>human_reference<TAB>fitted|prior` line per signal.
    public static func parse(_ text: String) throws -> DetectionModel {
        var model = DetectionModel(version: 0, intercept: 0, weights: [:], humanReference: [:], fitted: [],
                                   threshold: 50, trainedOn: "")
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = String(raw)
            if line.hasPrefix("#") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if body.hasPrefix("version:") { model.version = Int(body.dropFirst(8).trimmingCharacters(in: .whitespaces)) ?? 0 }
                continue
            }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch f.first {
            case "intercept": model.intercept = Double(field(f, 1)) ?? 0
            case "threshold": model.threshold = Int(field(f, 1)) ?? 50
            case "trained_on": model.trainedOn = field(f, 1)
            case "style", "human_tail": try model.parseStyleLine(f, line: line)
            case "signal":
                guard f.count >= 5, let kind = DetectionSignalKind(rawValue: f[1]), let w = Double(f[2]),
                      let h = Double(f[3]) else { throw DetectionError.invalidModel(line: line) }
                model.weights[kind] = w
                model.humanReference[kind] = h
                if f[4] == "fitted" { model.fitted.insert(kind) }
            default: continue
            }
        }
        for kind in DetectionSignalKind.allCases where model.weights[kind] == nil {
            model.weights[kind] = priors[kind]
        }
        return model
    }

    private static func field(_ fields: [String], _ i: Int) -> String { i < fields.count ? fields[i] : "" }

    /// The `model.tsv` text for this model, with fixed precision so a refit on the same data gives the same bytes.
    public func serialized() -> String {
        var out = "# voiceclone detection model\n# version: \(version)\n"
        out += "# score = 100 / (1 + exp(-(intercept + sum(weight * input)))); inputs are oriented so larger = more machine-like\n"
        out += "trained_on\t\(trainedOn)\n"
        out += "intercept\t\(String(format: "%.4f", intercept))\n"
        out += "threshold\t\(threshold)\n"
        for kind in DetectionSignalKind.allCases {
            out += "signal\t\(kind.rawValue)\t\(String(format: "%.4f", weights[kind] ?? 0))\t"
            out += "\(String(format: "%.4f", humanReference[kind] ?? 0))\t\(fitted.contains(kind) ? "fitted" : "prior")\n"
        }
        out += serializedStyle()
        return out
    }
}
