import Foundation
import VoiceCloneText

/// "Who wrote this?" answered by a model trained on the voices' own samples at attribution time:
/// one-vs-rest linear SVMs over sublinear TF-IDF character 1–4-grams, words, word pairs and the DNA style
/// rates (`TfidfSpace`, `LinearModel`), on the samples cut into chunks as long as the texts to attribute.
///
/// Probabilities are a softmax of the decision values with a temperature fitted on held-out chunks: the last
/// quarter of each voice's chunks (in sample order, so mostly whole samples) is held out, a model trained on the
/// rest scores them, the temperature that best predicts their true voices is kept, and the final model is trained
/// on every chunk.
/// Immutable after `init`; safe to share across threads.
public final class LearnedAttributor: Sendable {
    public let candidateNames: [String]
    /// The chunk length the voices' samples were cut into.
    public let chunkWords: Int
    public let calibration: Calibration
    public let warnings: [AttributionWarning]
    /// Texts shorter than this many words are flagged and given a wider band.
    public let shortTextWords: Int

    let space: TfidfSpace
    let model: LinearModel
    /// Mean negative log-likelihood of the true voice on the held-out chunks at the fitted temperature (nil when
    /// none was held out): how well the probabilities predict these voices.
    let heldOutLoss: Double?

    /// Cap on training chunks per voice (spread evenly over its samples), which bounds training time.
    static let maxChunksPerVoice = 200

    /// The chunk length for texts of about `textWords` words: as long as the texts, within 25...1,000 (25: the
    /// shortest length bucket, `VoiceVerifierCache.buckets`, so a 30-word email is calibrated on chunks no longer
    /// than itself).
    public static func chunkLength(forTextWords textWords: Int) -> Int { min(1000, max(25, textWords)) }

    /// Whether every voice has enough text to train on at this chunk length (two chunks); when not,
    /// use Cosine Delta (`Attributor`).
    public static func canTrain(_ candidates: [AttributionCandidate], textWords: Int) -> Bool {
        let length = chunkLength(forTextWords: textWords)
        return candidates.count >= 2 && candidates.allSatisfy { candidate in
            chunks(of: candidate, length: length).count >= 2
        }
    }

    /// Trains on `candidates` for texts of about `textWords` words (the median of the texts to attribute).
    public convenience init(candidates: [AttributionCandidate], textWords: Int) throws {
        guard candidates.count >= 2 else {
            if candidates.isEmpty { throw AttributionError.noCandidates }
            throw AttributionError.tooFewCandidates(count: candidates.count)
        }
        try TrainingData.checkNames(candidates.map(\.name))
        let length = LearnedAttributor.chunkLength(forTextWords: textWords)
        let perVoice = ParallelMap.map(candidates.count) { LearnedAttributor.chunks(of: candidates[$0], length: length) }
        for (candidate, chunks) in zip(candidates, perVoice) where chunks.allSatisfy({ $0.words == 0 }) {
            throw AttributionError.emptyCandidate(name: candidate.name)
        }
        self.init(names: candidates.map(\.name), chunked: perVoice, length: length)
    }

    /// Trains on voices already cut into chunks of `length` words (the verifier's chunks, so a vault is read once).
    init(names: [String], chunked perVoice: [[TextFeatures]], length: Int) {
        let options = LinearModel.Options()
        var all: [TextFeatures] = [], labels: [Int] = [], heldOut: [Bool] = []
        for (label, chunks) in perVoice.enumerated() {
            let kept = LearnedAttributor.spread(chunks, limit: LearnedAttributor.maxChunksPerVoice)
            for (k, chunk) in kept.enumerated() {
                all.append(chunk)
                labels.append(label)
                // A contiguous block, not every fourth chunk: a chunk's neighbours come from the same sample and
                // share its topic and phrases, so interleaved chunks are easier than a new text and the fitted
                // temperature came out too low (shares near 100% on a 26-word text between two close voices).
                heldOut.append(kept.count >= 4 && k >= kept.count - kept.count / 4)
            }
        }
        let space = TfidfSpace(chunks: all)
        let chunks = all
        let rows = ParallelMap.map(chunks.count) { space.row(chunks[$0]) }
        let classes = names.count

        var cases: [(truth: Int, distances: [Double])] = []
        let test = rows.indices.filter { heldOut[$0] }
        if !test.isEmpty {
            let train = rows.indices.filter { !heldOut[$0] }
            let trial = LinearModel(rows: train.map { rows[$0] }, labels: train.map { labels[$0] }, classes: classes,
                                    dimension: space.dimension, options: options)
            cases = test.map { (truth: labels[$0], distances: trial.scores(rows[$0]).map { 1 - $0 }) }
        }
        let temperature = TemperatureFit.fit(cases, smoothing: TemperatureFit.ruleOfSuccession(cases.count)) ?? 0.5
        let correct = cases.filter { Attributor.argmin($0.distances) == $0.truth }.count
        self.heldOutLoss = cases.isEmpty ? nil : TemperatureFit.loss(cases, temperature: temperature) / Double(cases.count)

        var warnings: [AttributionWarning] = []
        for (name, chunks) in zip(names, perVoice) where chunks.count < 4 {
            warnings.append(.thinCandidate(name: name, words: chunks.reduce(0) { $0 + $1.words }))
        }
        if cases.isEmpty { warnings.append(.uncalibrated) }
        self.candidateNames = names
        self.chunkWords = length
        self.space = space
        self.model = LinearModel(rows: rows, labels: labels, classes: classes, dimension: space.dimension, options: options)
        self.warnings = warnings
        self.shortTextWords = 100
        self.calibration = Calibration(
            chunks: cases.count, accuracy: cases.isEmpty ? 0 : Double(correct) / Double(cases.count),
            temperature: temperature, wordWeight: Double(space.weights.words),
            characterWeight: Double(space.weights.longCharacters), styleWeight: Double(space.weights.style),
            mostFrequentWords: 0)
    }

    /// Attributes one text; `top` limits the ranking to the `top` most likely voices.
    public func attribute(_ text: String, top: Int? = nil) -> Attribution {
        attribute(features: TextFeatures.whole(text), top: top)
    }

    /// The calibrated probabilities of each voice (in `candidateNames` order) for a text read into features.
    func probabilities(features: TextFeatures) -> [Double] {
        let distances = model.scores(space.row(features)).map { 1 - $0 }
        return TemperatureFit.probabilities(distances, temperature: temperature(words: features.words))
    }

    /// The fitted temperature, widened for texts shorter than the chunks.
    func temperature(words: Int) -> Double {
        let shortness = Double(chunkWords) / Double(max(words, 1))
        return calibration.temperature * max(1, shortness).squareRoot()
    }

    /// Attributes one text already read into features (so a caller that also verifies it reads it once).
    func attribute(features: TextFeatures, top: Int? = nil) -> Attribution {
        let distances = model.scores(space.row(features)).map { 1 - $0 }
        let words = features.words
        let temperature = temperature(words: words)
        let probabilities = TemperatureFit.probabilities(distances, temperature: temperature)
        let order = distances.indices.sorted {
            distances[$0] != distances[$1] ? distances[$0] < distances[$1] : candidateNames[$0] < candidateNames[$1]
        }
        let widen = TemperatureFit.bandWidening(words: words, shortTextWords: shortTextWords)
        let best = order[0]
        let lower = TemperatureFit.probabilities(distances, temperature: temperature * widen)[best]
        let upper = TemperatureFit.probabilities(distances, temperature: temperature / widen)[best]
        var warnings = self.warnings
        if words < shortTextWords {
            warnings.insert(.shortText(words: words, threshold: shortTextWords), at: 0)
        }
        let ranking = order.prefix(max(1, top ?? order.count)).map {
            RankedCandidate(clone: candidateNames[$0], distance: distances[$0], probability: probabilities[$0])
        }
        return Attribution(
            ranking: ranking, best: candidateNames[best], confidence: ConfidenceLevel(lowerProbability: lower),
            band: ProbabilityBand(lower: lower, upper: upper), words: words, warnings: warnings, drivers: [],
            method: .learned)
    }

    /// Attributes many texts, in parallel; results are in the order of `texts`.
    public func attribute(_ texts: [String], top: Int? = nil) -> [Attribution] {
        ParallelMap.map(texts.count) { self.attribute(texts[$0], top: top) }
    }

    /// A voice's samples cut into chunks of `length` words; a sample's short tail (under half a chunk)
    /// is dropped unless it is the whole sample.
    static func chunks(of candidate: AttributionCandidate, length: Int, keepSequence: Bool = false) -> [TextFeatures] {
        candidate.texts.flatMap { text -> [TextFeatures] in
            let pieces = TextFeatures.chunks(of: text, chunkWords: length, keepSequence: keepSequence)
            if pieces.count > 1, let last = pieces.last, last.words * 2 < length { return Array(pieces.dropLast()) }
            return pieces.filter { $0.words > 0 }
        }
    }

    /// At most `limit` items, evenly spread, in their original order.
    static func spread<T>(_ items: [T], limit: Int) -> [T] {
        guard items.count > limit, limit > 0 else { return items }
        return (0..<limit).map { items[$0 * items.count / limit] }
    }
}
