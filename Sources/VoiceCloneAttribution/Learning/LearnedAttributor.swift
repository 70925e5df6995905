import Foundation
import VoiceCloneText

/// "Who wrote this?" answered by a model trained on the voices' own samples at attribution time:
/// one-vs-rest linear SVMs over sublinear TF-IDF character 1–4-grams, words, word pairs and the DNA style
/// rates (`TfidfSpace`, `LinearModel`), on the samples cut into chunks as long as the texts to attribute, but never
/// shorter than 50 words (`trainingLength`).
///
/// Probabilities are a softmax of the decision values with a temperature fitted on held-out text cut at the texts'
/// own length (`chunkLength`): the last quarter of each voice's training chunks (in sample order, so mostly whole
/// samples) is held out, a model trained on the rest scores the held-out words cut into pieces as long as the texts,
/// the temperature that best predicts their true voices is kept, and the final model is trained on every chunk.
/// Training and calibration lengths differ only for short texts (under about 35 words, the 25-word bucket): a linear
/// model learns a voice better from fuller chunks (trained on 25-word chunks, Enron's closed-set accuracy fell 54.8 →
/// 53.2%), while what must match the text's length is the temperature, which turns scores into probabilities.
/// Immutable after `init`; safe to share across threads.
public final class LearnedAttributor: Sendable {
    public let candidateNames: [String]
    /// The chunk length the model was trained on.
    public let chunkWords: Int
    /// The length of the held-out pieces the temperature was fitted on (the texts' length; `chunkWords` or shorter).
    public let calibrationWords: Int
    public let calibration: Calibration
    public let warnings: [AttributionWarning]
    /// Texts shorter than this many words are flagged and given a wider band.
    public let shortTextWords: Int

    let space: TfidfSpace
    let model: LinearModel
    /// Mean negative log-likelihood of the true voice on the held-out pieces at the fitted temperature (nil when
    /// none was held out): how well the probabilities predict these voices.
    let heldOutLoss: Double?
    /// The held-out pieces' closed-set probabilities, from the model trained without them at the fitted temperature:
    /// honest shares for pieces of the voices' own samples, which the verifier's recalibration of `match`'s posterior
    /// scores (`VoiceVerifier.PosteriorRecalibration`).
    let heldOutShares: [HeldOutShare]

    /// One held-out piece: its voice, its index among that voice's chunks cut at `calibrationWords` (the verifier's
    /// chunks at this length), and the trial model's probabilities for it, in `candidateNames` order.
    struct HeldOutShare: Sendable {
        var voice: Int
        var piece: Int
        var probabilities: [Double]
    }

    /// Cap on training chunks per voice (spread evenly over its samples), which bounds training time.
    static let maxChunksPerVoice = 200

    /// The length texts of about `textWords` words are calibrated at: as long as the texts, within 25...1,000 (25: the
    /// shortest length bucket, `VoiceVerifierCache.buckets`, so a 30-word email is calibrated on pieces no longer
    /// than itself). The verifier's calibration pairs are cut at this length too.
    public static func chunkLength(forTextWords textWords: Int) -> Int { min(1000, max(25, textWords)) }

    /// The chunk length the model trains on for texts of about `textWords` words: `chunkLength`, but at least 50.
    /// Below 50 words a chunk holds too few words and n-grams for the SVMs to learn a voice from, and a model trained
    /// on longer chunks still ranks short texts better; only the temperature must be fitted at the text's length.
    public static func trainingLength(forTextWords textWords: Int) -> Int { max(50, chunkLength(forTextWords: textWords)) }

    /// Whether every voice has enough text to train on at this length (two training chunks); when not,
    /// use Cosine Delta (`Attributor`).
    public static func canTrain(_ candidates: [AttributionCandidate], textWords: Int) -> Bool {
        let length = trainingLength(forTextWords: textWords)
        return candidates.count >= 2 && candidates.allSatisfy { candidate in
            chunks(of: candidate, length: length).count >= 2
        }
    }

    /// What the model is trained and calibrated on: each voice's training chunks and, for each chunk, the same words
    /// cut at the calibration length (the pieces scored when the chunk is held out).
    struct TrainingChunks {
        var length: Int
        var calibrationLength: Int
        /// Per voice, the chunks of `length` words the model trains on.
        var chunks: [[TextFeatures]]
        /// Per voice and chunk, the pieces of `calibrationLength` words that lie wholly inside it (the chunk itself
        /// when the two lengths are equal).
        var pieces: [[[TextFeatures]]]
        /// Per voice and chunk, each piece's index among the voice's chunks cut at `calibrationLength` (in sample
        /// order), so a piece can be found among the verifier's chunks.
        var pieceIndices: [[[Int]]]

        /// `cut`: per voice and sample, the samples already cut at `chunkLength(forTextWords:)` (the verifier's
        /// chunks, so the samples are not read again at that length); nil to cut them here.
        init(_ candidates: [AttributionCandidate], textWords: Int, cut: [[[TextFeatures]]]? = nil) {
            let calibrationLength = LearnedAttributor.chunkLength(forTextWords: textWords)
            let length = LearnedAttributor.trainingLength(forTextWords: textWords)
            let cut = cut ?? ParallelMap.map(candidates.count) {
                LearnedAttributor.chunksBySample(of: candidates[$0], length: calibrationLength)
            }
            self.length = length
            self.calibrationLength = calibrationLength
            if length == calibrationLength {
                chunks = cut.map { $0.flatMap { $0 } }
                pieces = chunks.map { $0.map { [$0] } }
                pieceIndices = chunks.map { $0.indices.map { [$0] } }
                return
            }
            let perVoice = ParallelMap.map(candidates.count) { v -> (chunks: [TextFeatures], pieces: [[TextFeatures]], indices: [[Int]]) in
                var chunks: [TextFeatures] = [], pieces: [[TextFeatures]] = [], indices: [[Int]] = []
                let samples = LearnedAttributor.chunksBySample(of: candidates[v], length: length)
                var offset = 0
                for (sample, short) in zip(samples, cut[v]) {
                    defer { offset += short.count }
                    // Both cuts start at the sample's first word and every piece but a sample's last is full, so a
                    // piece's word offset is its index times the calibration length.
                    for (i, chunk) in sample.enumerated() {
                        let start = i * length, end = start + chunk.words
                        chunks.append(chunk)
                        let inside = short.enumerated().filter { j, piece in
                            j * calibrationLength >= start && j * calibrationLength + piece.words <= end
                        }
                        pieces.append(inside.map(\.element))
                        indices.append(inside.map { offset + $0.offset })
                    }
                }
                return (chunks, pieces, indices)
            }
            chunks = perVoice.map(\.chunks)
            pieces = perVoice.map(\.pieces)
            pieceIndices = perVoice.map(\.indices)
        }
    }

    /// Trains on `candidates` for texts of about `textWords` words (the median of the texts to attribute).
    public convenience init(candidates: [AttributionCandidate], textWords: Int) throws {
        guard candidates.count >= 2 else {
            if candidates.isEmpty { throw AttributionError.noCandidates }
            throw AttributionError.tooFewCandidates(count: candidates.count)
        }
        try TrainingData.checkNames(candidates.map(\.name))
        let training = TrainingChunks(candidates, textWords: textWords)
        for (candidate, chunks) in zip(candidates, training.chunks) where chunks.allSatisfy({ $0.words == 0 }) {
            throw AttributionError.emptyCandidate(name: candidate.name)
        }
        self.init(names: candidates.map(\.name), training: training)
    }

    /// Trains on voices already cut (`TrainingChunks`: the verifier's pieces, so a vault is not read twice at one length).
    init(names: [String], training: TrainingChunks) {
        let perVoice = training.chunks
        let options = LinearModel.Options()
        var all: [TextFeatures] = [], labels: [Int] = [], heldOut: [Bool] = []
        var heldOutPieces: [(truth: Int, piece: TextFeatures, index: Int)] = []
        for (label, chunks) in perVoice.enumerated() {
            let kept = LearnedAttributor.spread(Array(chunks.indices), limit: LearnedAttributor.maxChunksPerVoice)
            for (k, index) in kept.enumerated() {
                all.append(chunks[index])
                labels.append(label)
                // A contiguous block, not every fourth chunk: a chunk's neighbours come from the same sample and
                // share its topic and phrases, so interleaved chunks are easier than a new text and the fitted
                // temperature came out too low (shares near 100% on a 26-word text between two close voices).
                let out = kept.count >= 4 && k >= kept.count - kept.count / 4
                heldOut.append(out)
                // Scored at the texts' length: the held-out chunk's own words, cut as short as the texts, so the
                // temperature is fitted on evidence as thin as theirs (the model itself still learns from full chunks).
                if out {
                    heldOutPieces += zip(training.pieces[label][index], training.pieceIndices[label][index]).map {
                        (truth: label, piece: $0.0, index: $0.1)
                    }
                }
            }
        }
        let space = TfidfSpace(chunks: all)
        let chunks = all
        let rows = ParallelMap.map(chunks.count) { space.row(chunks[$0]) }
        let classes = names.count

        var cases: [(truth: Int, distances: [Double])] = []
        if heldOut.contains(true) {
            let train = rows.indices.filter { !heldOut[$0] }
            let trial = LinearModel(rows: train.map { rows[$0] }, labels: train.map { labels[$0] }, classes: classes,
                                    dimension: space.dimension, options: options)
            let pieces = heldOutPieces
            cases = ParallelMap.map(pieces.count) { i in
                (truth: pieces[i].truth, distances: trial.scores(space.row(pieces[i].piece)).map { 1 - $0 })
            }
        }
        let temperature = TemperatureFit.fit(cases, smoothing: TemperatureFit.ruleOfSuccession(cases.count)) ?? 0.5
        let correct = cases.filter { Attributor.argmin($0.distances) == $0.truth }.count
        self.heldOutLoss = cases.isEmpty ? nil : TemperatureFit.loss(cases, temperature: temperature) / Double(cases.count)
        // At the temperature a text of the piece's length gets (`temperature(words:)`).
        let calibrationWords = training.calibrationLength
        self.heldOutShares = zip(heldOutPieces, cases).map { held, scored in
            let widened = temperature * max(1, Double(calibrationWords) / Double(max(held.piece.words, 1))).squareRoot()
            return HeldOutShare(voice: held.truth, piece: held.index,
                                probabilities: TemperatureFit.probabilities(scored.distances, temperature: widened))
        }

        var warnings: [AttributionWarning] = []
        for (name, chunks) in zip(names, perVoice) where chunks.count < 4 {
            warnings.append(.thinCandidate(name: name, words: chunks.reduce(0) { $0 + $1.words }))
        }
        if cases.isEmpty { warnings.append(.uncalibrated) }
        self.candidateNames = names
        self.chunkWords = training.length
        self.calibrationWords = training.calibrationLength
        self.space = space
        self.model = LinearModel(rows: rows, labels: labels, classes: classes, dimension: space.dimension, options: options)
        self.warnings = warnings
        self.shortTextWords = VoiceVerifierCache.shortTextWords
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

    /// The fitted temperature, widened for texts shorter than the pieces it was fitted on.
    func temperature(words: Int) -> Double {
        let shortness = Double(calibrationWords) / Double(max(words, 1))
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
        chunksBySample(of: candidate, length: length, keepSequence: keepSequence).flatMap { $0 }
    }

    /// `chunks(of:length:)` kept per sample, so cuts of one sample at two lengths can be lined up.
    static func chunksBySample(of candidate: AttributionCandidate, length: Int, keepSequence: Bool = false) -> [[TextFeatures]] {
        candidate.texts.map { text -> [TextFeatures] in
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
