import Foundation
import VoiceCloneAnalysis

/// A writer's own level on each signal, so a text is judged against how that person writes: a writer who loves em
/// dashes, or who never contracts, is not flagged for doing what they always do.
///
/// Built from the clone's DNA (burstiness, MATTR, contractions, em dashes) and, better, from the clone's samples
/// measured exactly as texts are (every signal). The detector forgives only the part of a signal by which the writer
/// already exceeds the human reference; a writer who is plainer than most earns no extra suspicion here (that is
/// what voice match measures).
public struct DetectionBaseline: Sendable, Equatable {
    public var clone: String
    /// The writer's oriented input per signal (same scale as `SignalMeasurement.input`).
    public var inputs: [DetectionSignalKind: Double]
    /// The writer's plain value per signal, for reports.
    public var values: [DetectionSignalKind: Double]
    /// Listed words and phrases the writer uses in two or more of their own samples: never counted against them.
    public var habitualPhrases: Set<String>
    /// The writer's style features (function words, openings, clauses…), averaged over their samples by words.
    public var style: StyleFeatures?

    public init(clone: String, inputs: [DetectionSignalKind: Double], values: [DetectionSignalKind: Double],
                habitualPhrases: Set<String> = []) {
        self.clone = clone
        self.inputs = inputs
        self.values = values
        self.habitualPhrases = habitualPhrases
    }

    /// The signals a DNA records.
    public init(dna: VoiceDNA) {
        clone = dna.clone
        habitualPhrases = []
        values = [
            .lowBurstiness: dna.sentences.burstiness,
            .lowLexicalVariety: dna.lexical.mattr,
            .emDashes: dna.punctuation.emDash,
            .fewContractions: dna.lexical.contractionsPerThousand,
            .impersonalVoice: dna.pronouns.firstSingular + dna.punctuation.question + dna.punctuation.exclamation,
        ]
        inputs = [
            .lowBurstiness: max(0, -dna.sentences.burstiness),
            .lowLexicalVariety: max(0, 1 - dna.lexical.mattr),
            .emDashes: SignalMeter.dashInput(dna.punctuation.emDash),
            .fewContractions: max(0, 1 - dna.lexical.contractionsPerThousand / 15),
            .impersonalVoice: max(0, 1 - (dna.pronouns.firstSingular + dna.punctuation.question + dna.punctuation.exclamation) / 20),
        ]
    }

    /// Every signal, measured on the writer's samples and averaged with each sample weighted by its words.
    /// Signals a sample cannot show (no lists, no headings) are averaged over the samples that can.
    public init(clone: String, samples: [String], detector: Detector = Detector(), dna: VoiceDNA? = nil) {
        var base = dna.map(DetectionBaseline.init(dna:)) ?? DetectionBaseline(clone: clone, inputs: [:], values: [:])
        base.clone = clone
        var sums: [DetectionSignalKind: (input: Double, value: Double, weight: Double)] = [:]
        var samplesUsing: [String: Int] = [:]
        for measured in detector.measure(samples) {
            for phrase in measured.listedPhrases { samplesUsing[phrase, default: 0] += 1 }
            let weight = Double(max(measured.words, 1))
            for m in measured.measurements where m.measurable {
                let s = sums[m.kind] ?? (0, 0, 0)
                sums[m.kind] = (s.input + m.input * weight, s.value + m.value * weight, s.weight + weight)
            }
        }
        for (kind, s) in sums where s.weight > 0 {
            base.inputs[kind] = s.input / s.weight
            base.values[kind] = s.value / s.weight
        }
        base.habitualPhrases = Set(samplesUsing.filter { $0.value >= 2 }.keys)
        base.style = StyleFeatures.average(samples)
        self = base
    }

    /// How much of a signal's input this writer does by habit, beyond a typical person (0 when they do not).
    func allowance(_ kind: DetectionSignalKind, reference: Double) -> Double {
        guard let mine = inputs[kind] else { return 0 }
        return max(0, mine - reference)
    }
}
