import Foundation
import Testing
@testable import VoiceCloneAttribution

@Suite("Learned attribution and verification")
struct JudgementTests {
    static let writers: [(String, PhraseWriter)] = [("plain", .plain), ("measured", .measured), ("lively", .lively)]

    static func candidates(words: Int = 1200, samples: Int = 4) -> [AttributionCandidate] {
        writers.enumerated().map { index, writer in
            AttributionCandidate(name: writer.0, texts: (0..<samples).map { writer.1.text(words: words, seed: UInt64(10 * index + $0)) })
        }
    }

    @Test func linearModelSeparatesHandCheckedPoints() {
        // Class 0 lives on feature 0, class 1 on feature 1: each SVM must weigh its own feature up and the
        // other's down, symmetrically, and score new points on the right side of zero.
        let rows = [
            SparseRow(indices: [0], values: [1]), SparseRow(indices: [0], values: [0.9]),
            SparseRow(indices: [1], values: [1]), SparseRow(indices: [1], values: [0.9]),
        ]
        let model = LinearModel(rows: rows, labels: [0, 0, 1, 1], classes: 2, dimension: 2)
        #expect(model.weights[0][0] > 0.5 && model.weights[0][1] < -0.5)
        #expect(model.weights[1][1] > 0.5 && model.weights[1][0] < -0.5)
        #expect(abs(model.weights[0][0] - model.weights[1][1]) < 0.05)
        let first = model.scores(SparseRow(indices: [0], values: [1]))
        #expect(first[0] > 0 && first[1] < 0)
        let second = model.scores(SparseRow(indices: [1], values: [0.8]))
        #expect(second[1] > 0 && second[0] < 0)
        // The same rows give the same weights.
        #expect(LinearModel(rows: rows, labels: [0, 0, 1, 1], classes: 2, dimension: 2).weights == model.weights)
    }

    @Test func classBalancingGivesAMinorityVoiceItsDue() {
        // Twenty rows of a voice marked by feature 0, two of a voice marked by feature 1. Unbalanced, the
        // majority's rows dominate both classifiers, so a text exactly between them goes to the majority; with
        // per-row costs n / (k · n_class) both voices weigh the same, the problem is symmetric again, the midpoint
        // is a tie and a text leaning towards the minority goes to it.
        let rows = Array(repeating: SparseRow(indices: [0], values: [1]), count: 20)
            + Array(repeating: SparseRow(indices: [1], values: [1]), count: 2)
        let labels = Array(repeating: 0, count: 20) + [1, 1]
        #expect(LinearModel.rowCosts(labels: labels, classes: 2, balanced: true) == Array(repeating: 0.55, count: 20) + [5.5, 5.5])
        var plain = LinearModel.Options()
        plain.balanced = false
        let unbalanced = LinearModel(rows: rows, labels: labels, classes: 2, dimension: 2, options: plain)
        let balanced = LinearModel(rows: rows, labels: labels, classes: 2, dimension: 2)
        let middle = SparseRow(indices: [0, 1], values: [0.5, 0.5])
        let leaning = SparseRow(indices: [0, 1], values: [0.45, 0.55])
        let before = unbalanced.scores(middle), after = balanced.scores(middle)
        #expect(before[0] > before[1] + 0.1)
        #expect(abs(after[0] - after[1]) < 0.05)
        let lean = balanced.scores(leaning)
        #expect(lean[1] > lean[0])
        #expect(lean[1] - lean[0] > unbalanced.scores(leaning)[1] - unbalanced.scores(leaning)[0])
    }

    @Test func impostorTrialsFollowWhichVoiceTheTextIsCloserTo() {
        // A text mixed from the candidate's and an impostor's profiles: mostly the candidate's, it wins (almost)
        // every random feature half; mostly the impostor's, (almost) none; in between, with noise on each
        // feature, the share of trials won falls as the mix moves to the impostor, by both similarities.
        let dimension = 96
        let trials = ImpostorTrials(dimension: dimension)
        #expect(trials.trials.count == ImpostorTrials.iterations)
        #expect(trials.trials.allSatisfy { $0.count == ImpostorTrials.groupCount / 2 })
        #expect(ImpostorTrials(dimension: dimension).trials == trials.trials)
        let candidate: [Float] = (0..<dimension).map { Float(($0 * 7) % 5) + 0.5 }
        let impostor: [Float] = (0..<dimension).map { Float(($0 * 3) % 5) + 0.5 }
        var random = SeededRandom(seed: 9)
        let noise: [Float] = (0..<dimension).map { _ in Float(random.next() % 1000) / 1000 }
        func won(_ t: Float) -> (cosine: Double, minMax: Double) {
            let text = (0..<dimension).map { (1 - t) * candidate[$0] + t * impostor[$0] + noise[$0] }
            let own = trials.sums(zText: text, zProfile: candidate, scaledText: text, scaledProfile: candidate)
            let other = trials.sums(zText: text, zProfile: impostor, scaledText: text, scaledProfile: impostor)
            return trials.scores(candidate: own, impostors: [other])
        }
        let mixes: [Float] = [0.1, 0.3, 0.45, 0.55, 0.7, 0.9]
        let scores = mixes.map(won)
        #expect(scores.first!.cosine >= 0.95 && scores.first!.minMax >= 0.95)
        #expect(scores.last!.cosine <= 0.05 && scores.last!.minMax <= 0.05)
        for (a, b) in zip(scores, scores.dropFirst()) {
            #expect(a.cosine >= b.cosine && a.minMax >= b.minMax)
        }
        // No impostor at all: nothing to lose to.
        let alone = trials.sums(zText: candidate, zProfile: candidate, scaledText: candidate, scaledProfile: candidate)
        let unopposed = trials.scores(candidate: alone, impostors: [])
        #expect(unopposed.cosine == 1 && unopposed.minMax == 1)
    }

    @Test func fittedTemperatureSharpensWhenRightAndFlattensWhenOften_wrong() throws {
        let confident = (0..<20).map { (truth: $0 % 2, distances: $0 % 2 == 0 ? [0.2, 0.8] : [0.8, 0.2]) }
        var mixed = confident
        for i in 0..<8 { mixed[i].truth = 1 - mixed[i].truth }
        let sharp = try #require(TemperatureFit.fit(confident))
        let flat = try #require(TemperatureFit.fit(mixed))
        #expect(sharp < flat)
        let pSharp = TemperatureFit.probabilities([0.2, 0.8], temperature: sharp)[0]
        let pFlat = TemperatureFit.probabilities([0.2, 0.8], temperature: flat)[0]
        #expect(pSharp > 0.95)
        #expect(pFlat > 0.5 && pFlat < 0.75)  // right 60% of the time: about 0.6
    }

    @Test func learnedAttributorNamesEachWriterAndIsCalibrated() throws {
        let attributor = try LearnedAttributor(candidates: Self.candidates(), textWords: 300)
        #expect(attributor.chunkWords == 300)
        #expect(attributor.calibration.chunks > 0)
        #expect(attributor.calibration.accuracy == 1)
        for (index, writer) in Self.writers.enumerated() {
            let result = attributor.attribute(writer.1.text(words: 300, seed: UInt64(900 + index)))
            #expect(result.best == writer.0)
            #expect(result.method == .learned)
            #expect(result.ranking[0].probability > 0.5)
            #expect(abs(result.ranking.map(\.probability).reduce(0, +) - 1) < 1e-9)
        }
    }

    @Test func shortTextsAreAttributedWithAWarningAndAWiderBand() throws {
        let attributor = try LearnedAttributor(candidates: Self.candidates(), textWords: 40)
        #expect(attributor.chunkWords == 50 && attributor.calibrationWords == 40)
        var right = 0
        for seed in 0..<12 {
            let writer = Self.writers[seed % 3]
            let short = attributor.attribute(writer.1.text(words: 35, seed: UInt64(4000 + seed)))
            #expect(short.warnings.first?.code == "short-text")
            #expect(short.band.lower <= short.ranking[0].probability && short.ranking[0].probability <= short.band.upper)
            if short.best == writer.0 { right += 1 }
        }
        #expect(right >= 11)
    }

    @Test func shortBucketTrainsOnFiftyWordChunksButCalibratesOnTwentyFiveWordPieces() throws {
        // Issue 16: texts of about 25 words are attributed by a model trained on 50-word chunks (fuller evidence to
        // learn a voice from), while its temperature is fitted on the held-out chunks' own words cut at 25.
        let candidates = Self.candidates()
        let training = LearnedAttributor.TrainingChunks(candidates, textWords: 25)
        #expect(training.length == 50 && training.calibrationLength == 25)
        var heldOutChunks = 0, heldOutPieces = 0
        for (chunks, pieces) in zip(training.chunks, training.pieces) {
            #expect(chunks.count >= 20 && chunks.count < LearnedAttributor.maxChunksPerVoice)
            for (chunk, halves) in zip(chunks, pieces) {
                #expect(chunk.words <= 50 && halves.allSatisfy { $0.words <= 25 })
                if chunk.words == 50 { #expect(halves.map(\.words) == [25, 25]) }
                // The pieces are the chunk's own words: their word counts add up to the chunk's.
                var wordCounts: [UInt32: Float] = [:]
                for half in halves {
                    for (key, count) in zip(half.keys, half.counts) where TextFeatures.family(of: key) == .words { wordCounts[key, default: 0] += count }
                }
                let chunkWordCounts = Dictionary(uniqueKeysWithValues: zip(chunk.keys, chunk.counts).filter { TextFeatures.family(of: $0.0) == .words })
                if halves.reduce(0, { $0 + $1.words }) == chunk.words { #expect(wordCounts == chunkWordCounts) }
            }
            // The held-out block: the last quarter of the voice's chunks.
            heldOutChunks += chunks.count / 4
            heldOutPieces += pieces.suffix(chunks.count / 4).reduce(0) { $0 + $1.count }
        }
        #expect(heldOutPieces > heldOutChunks * 3 / 2)
        let short = LearnedAttributor(names: candidates.map(\.name), training: training)
        let fifty = try LearnedAttributor(candidates: candidates, textWords: 50)
        #expect(short.chunkWords == 50 && short.calibrationWords == 25 && fifty.calibrationWords == 50)
        // The same model: the same scores for a text.
        let text = TextFeatures.whole(PhraseWriter.lively.text(words: 26, seed: 5))
        #expect(short.model.scores(short.space.row(text)) == fifty.model.scores(fifty.space.row(text)))
        // But calibrated on the held-out chunks' pieces, about twice as many, where the 50-word bucket uses the chunks.
        #expect(fifty.calibration.chunks == heldOutChunks)
        #expect(short.calibration.chunks == heldOutPieces)
        // And longer buckets are unchanged: trained and calibrated at their own length.
        let hundred = LearnedAttributor.TrainingChunks(candidates, textWords: 100)
        #expect(hundred.length == 100 && hundred.calibrationLength == 100 && hundred.pieces[0][3].count == 1)
    }

    @Test func deltaStaysForVoicesWithTooLittleText() throws {
        var candidates = Self.candidates()
        candidates[2].texts = [PhraseWriter.lively.text(words: 60, seed: 1)]
        #expect(!LearnedAttributor.canTrain(candidates, textWords: 500))
        let results = try VoiceAttribution.attribute([PhraseWriter.plain.text(words: 500, seed: 77)], candidates: candidates, openSetThreshold: nil)
        #expect(results[0].method == .delta)
        #expect(results[0].warnings.contains { $0.code == "delta-fallback" })
        let asked = try VoiceAttribution.attribute([PhraseWriter.plain.text(words: 500, seed: 77)], candidates: Self.candidates(),
                                                   method: .delta, openSetThreshold: nil)
        #expect(asked[0].method == .delta)
    }

    @Test func openSetRefusesATextNoVoiceWrote() throws {
        let vault = Self.candidates()
        let stranger = PhraseWriter.technical.text(words: 300, seed: 55)
        let own = PhraseWriter.measured.text(words: 300, seed: 56)
        let results = try VoiceAttribution.attribute([stranger, own], candidates: vault)
        #expect(results[0].openSet?.noneOfThese == true)
        #expect(results[0].author == nil)
        #expect(results[1].author == "measured")
        let json = String(decoding: try JSONEncoder().encode(results[0]), as: UTF8.self)
        #expect(json.contains("\"best\":null"))
        // Closed set still names the closest voice.
        let closed = try VoiceAttribution.attribute([stranger], candidates: vault, openSetThreshold: nil)
        #expect(closed[0].author != nil && closed[0].openSet == nil)
    }

    @Test func shuffledWordsOfTheWritersOwnTextScoreLow() throws {
        let cache = VoiceVerifierCache(candidates: Self.candidates())
        for seed in 0..<3 {
            let own = PhraseWriter.plain.text(words: 400, seed: UInt64(700 + seed))
            let genuine = try #require(try cache.verify(own, clone: "plain"))
            let shuffled = try #require(try cache.verify(PhraseWriter.shuffled(own, seed: UInt64(seed)), clone: "plain"))
            #expect(genuine.probability > 0.7)
            #expect(shuffled.probability <= 0.10)
            #expect(shuffled.wordOrder.z < genuine.wordOrder.z)
            #expect(shuffled.calibratedOn.contains("shuffled"))
        }
        // A handful of words is no evidence about order either way, and the note says so instead of "reads like".
        let few = try #require(try cache.verify("The plan works well today.", clone: "plain"))
        #expect(few.wordOrder.note.hasPrefix("too few words ("))
    }

    @Test func matchTellsTwoCloseVoicesApart() throws {
        // plain and measured share every noun, adjective and verb; only their phrasing differs.
        let cache = VoiceVerifierCache(candidates: Self.candidates())
        let byPlain = PhraseWriter.plain.text(words: 250, seed: 31)
        let byMeasured = PhraseWriter.measured.text(words: 250, seed: 32)
        let plainOnPlain = try #require(try cache.verify(byPlain, clone: "plain"))
        let plainOnMeasured = try #require(try cache.verify(byPlain, clone: "measured"))
        let measuredOnMeasured = try #require(try cache.verify(byMeasured, clone: "measured"))
        let measuredOnPlain = try #require(try cache.verify(byMeasured, clone: "plain"))
        #expect(plainOnPlain.probability > 0.7 && plainOnMeasured.probability < 0.3)
        #expect(measuredOnMeasured.probability > 0.7 && measuredOnPlain.probability < 0.3)
        #expect(plainOnPlain.verdict == .likely && plainOnMeasured.verdict == .unlikely)
        #expect(plainOnPlain.band.lower <= plainOnPlain.probability && plainOnPlain.probability <= plainOnPlain.band.upper)
    }

    @Test func plattFitRecoversAKnownLogisticCurve() throws {
        // Rows weighted by a known curve p(x) = σ(−2 + 5x) (same-writer weight p, different 1 − p): the weighted
        // maximum-likelihood fit is exactly that curve, so a calibration fitted this way moves probabilities up
        // with the evidence, by as much as the data says, and the tiny ridge does not shrink it.
        var features: [[Double]] = [], labels: [Bool] = [], weights: [Double] = []
        for k in 0...20 {
            let x = Double(k) / 20
            let p = PairLogistic.sigmoid(-2 + 5 * x)
            features += [[1, x], [1, x]]; labels += [true, false]; weights += [p, 1 - p]
        }
        let beta = try #require(PairLogistic.fitStandardized(features: features, labels: labels, weights: weights))
        #expect(abs(beta[0] + 2) < 1e-3 && abs(beta[1] - 5) < 1e-3)
        // More evidence, higher probability.
        #expect(PairLogistic.sigmoid(beta[0] + beta[1] * 0.8) > PairLogistic.sigmoid(beta[0] + beta[1] * 0.2))
    }

    @Test func plattFitOnFewPairsIsNoSteeperThanOnMany() throws {
        // Pairs drawn from one curve p(x) = σ(−2 + 5x), x on a grid, labels by a seeded coin. On 600 pairs the
        // regularised fit comes close to the curve; on the first 8 (here perfectly separated, where plain maximum
        // likelihood has no finite slope) it is no steeper, and it still moves probabilities up with the evidence.
        var random = SeededRandom(seed: 16)
        var features: [[Double]] = [], labels: [Bool] = []
        for k in 0..<600 {
            let x = Double(k % 21) / 20
            features.append([1, x])
            labels.append(Double(random.next() >> 11) / Double(1 << 53) < PairLogistic.sigmoid(-2 + 5 * x))
        }
        let weights = [Double](repeating: 1.0 / 600, count: 600)
        let pooled = try #require(PairLogistic.fitPlatt(features: features, labels: labels, weights: weights))
        #expect(abs(pooled[1] - 5) < 1.5)
        let few: [[Double]] = [[1, 0], [1, 0.1], [1, 0.2], [1, 0.3], [1, 0.7], [1, 0.8], [1, 0.9], [1, 1]]
        let fewLabels = [false, false, false, false, true, true, true, true]
        let fewWeights = [Double](repeating: 1.0 / 8, count: 8)
        let plain = try #require(PairLogistic.fitStandardized(features: few, labels: fewLabels, weights: fewWeights))
        let regularised = try #require(PairLogistic.fitPlatt(features: few, labels: fewLabels, weights: fewWeights))
        #expect(plain[1] > 3 * pooled[1])
        #expect(regularised[1] > 0 && regularised[1] <= pooled[1])
        #expect(PairLogistic.sigmoid(regularised[0] + regularised[1] * 0.8) > PairLogistic.sigmoid(regularised[0] + regularised[1] * 0.2))
    }

    @Test func calibrationSpaceNeverSawTheChunkItScores() throws {
        // Two voices of five chunks each (one per fold). A rare character n-gram X occurs in voice 0's first two
        // chunks only: fitted on everything it has document frequency 2 and a column; in the fold that holds out the
        // first chunk it has frequency 1 and no column, so that chunk cannot score on it (as a new text could not).
        let common: [UInt32] = (0..<6).map { 1 << 24 | UInt32(100 + $0) }
        let rare: UInt32 = 1 << 24 | 999
        func chunk(_ voice: Int, _ k: Int) -> TextFeatures {
            var keys = common + [1 << 24 | UInt32(500 + 10 * voice + k % 3)]
            if voice == 0 && k < 2 { keys.append(rare) }
            keys.sort()
            return TextFeatures(keys: keys, counts: keys.map { _ in 1 }, words: 50, style: StyleSums(), wordSequence: [])
        }
        let chunks = (0..<2).map { v in (0..<5).map { chunk(v, $0) } }
        let used = chunks.map { VaultSpace.used(count: $0.count) }
        let full = VaultSpace(chunks: chunks, used: used)
        #expect(full.space.columns[rare] != nil)
        let folds = VaultSpace.crossFitted(chunks: chunks, used: used)
        #expect(folds.count == VaultSpace.folds)
        for (f, fold) in folds.enumerated() {
            // Each fold leaves out exactly its own chunks, and its centroids are built from the others only.
            #expect(fold.heldOut == [[f], [f]])
            #expect(fold.space.counts == [4, 4])
            let refit = TfidfSpace(chunks: (0..<2).flatMap { v in (0..<5).filter { $0 != f }.map { chunks[v][$0] } },
                                   weights: VaultSpace.weights, limit: VaultSpace.columnLimit)
            #expect(fold.space.space.idf == refit.idf)
        }
        #expect(folds[0].space.space.columns[rare] == nil)
        #expect(folds[1].space.space.columns[rare] == nil)
        #expect(folds[2].space.space.columns[rare] != nil)
        // The verifier's space carries character n-grams only.
        #expect(VaultSpace.weights.words == 0 && VaultSpace.weights.wordPairs == 0 && VaultSpace.weights.style == 0)
    }

    @Test func vaultCalibrationRewardsSimilarityAndPunishesDisorder() throws {
        let verifier = try VoiceVerifier(candidates: Self.candidates(), textWords: 300)
        #expect(verifier.vault != nil)
        #expect(verifier.coefficients.count == 4)
        // [bias, cosine, margin, word order]: more like the voice, more likely; more disordered (a lower, negative
        // order term), less likely.
        #expect(verifier.coefficients[1] + verifier.coefficients[2] > 0)
        #expect(verifier.coefficients[3] > 0)
        #expect(verifier.calibratedOn.contains("cross-fitting"))
    }

    @Test func backgroundRoundTripsThroughItsTSV() throws {
        let background = VerificationBackground.build(
            names: ["a", "b"], texts: [[PhraseWriter.plain.text(words: 3000, seed: 1)], [PhraseWriter.lively.text(words: 3000, seed: 2)]],
            source: "test fixtures", vocabularySize: (100, 50, 20), commonWordCount: 20, runsPerText: 2)
        let parsed = try VerificationBackground(tsv: background.tsv())
        #expect(parsed.vocabulary == background.vocabulary)
        #expect(parsed.commonWords == background.commonWords)
        #expect(parsed.chunks.count == background.chunks.count)
        #expect(parsed.tsv() == background.tsv())
        #expect(throws: (any Error).self) { try VerificationBackground(tsv: "vocabulary\tx\n") }
    }
}
