import Foundation
import VoiceCloneText

/// Verification ("did this voice's writer write the text?") for every voice of a vault at one text length,
/// with a probability calibrated on this call's own data.
///
/// With two or more voices (`VaultSpace`): the evidence is the text's cosine to the voice's centroid in a
/// sublinear TF-IDF space of character 1–4-grams fitted on the voices' chunks, the margin of that cosine over the
/// closest other voice (the vault's other voices are the impostors), and word order (`WordOrderModel`). A
/// logistic model (Platt scaling, one per text-length bucket) turns it into a probability; it is fitted on pairs
/// built from chunks cut at the text's length that were never seen by the space, the centroids or the word-order
/// model that scored them (5-fold cross-fitting): each chunk against its own voice (same writer), against another
/// voice with its own voice out of the impostors (different writer: it stands for a stranger), and its own words
/// shuffled (different: nobody writes that way). Same and different pairs weigh equally, so 0.5 means even odds.
///
/// With a single voice there is nothing in the vault to compare against, so the text and the voice become rates
/// of the shipped background's vocabulary and the evidence is General Impostors (Koppel & Winter 2014) against the
/// background writers (`ImpostorTrials`), calibrated on the voice's held-out chunks and the background's.
public final class VoiceVerifier: Sendable {
    public let candidateNames: [String]
    /// The chunk length everything was measured at.
    public let chunkWords: Int
    /// What the calibration rests on, in words.
    public let calibratedOn: String
    /// The fitted logistic coefficients. With two or more voices: bias, TF-IDF character n-gram cosine to the
    /// voice, its margin over the closest other voice, word order. With one: bias, impostor trials won (min-max),
    /// impostor trials won (cosine), margin over the closest background impostor, word order.
    public let coefficients: [Double]

    let background: VerificationBackground
    let columns: [UInt32: Int32]
    let mean: [Float]
    let inverseSpread: [Float]
    /// z-scored profiles: the vault voices first, then the background writers.
    let profiles: [[Float]]
    /// The same profiles as uncentred scaled rates (rate / spread, never negative), for min-max similarity.
    let scaledProfiles: [[Float]]
    let trials: ImpostorTrials
    /// The voices in their own TF-IDF space (two or more voices only; then the dense background fields are empty).
    let vault: VaultSpace?
    let profileNames: [String]
    let orderModels: [WordOrderModel]
    let orderMean: [Double]
    let orderSpread: [Double]
    /// The word-order cap: P(the text is natural prose, not words in an order nobody writes) = sigmoid(a + b·z),
    /// z the text's fluency against the voice's own chunks, fitted at this length on the voices' held-out chunks
    /// against the same chunks shuffled, at even odds. Nobody's text is word salad, so the same-writer probability
    /// can never exceed it (the same-writer event lies inside the natural-prose event): `probability ≤ cap`.
    public let orderCap: [Double]
    /// The final recalibration of `match`'s posterior probability, [a, b]: P = sigmoid(a + b · logit(posterior)), fitted
    /// on pairs from the vault's own samples that neither the verifier's fold nor the closed-set model saw
    /// (`PosteriorRecalibration`); empty (no change) with one voice or without a learned closed-set model.
    public let posteriorRecalibration: [Double]
    /// The closed-set model over the vault's voices that weighs them against each other in the posterior
    /// (`VaultPosterior`): the learned attributor for this length (trained on chunks of at least 50 words, its
    /// temperature fitted on held-out pieces of this length), as `attribute` trains it by default (so `match` and
    /// `attribute` share one model, one length bucket and one posterior), or Cosine Delta when a voice has too little
    /// text to train on, as `attribute` falls back. Nil with one voice, or when the
    /// caller supplies its own attribution probabilities (`VoiceAttribution`).
    let closedSet: ClosedSet?

    enum ClosedSet: Sendable {
        case learned(LearnedAttributor)
        case delta(Attributor)

        var name: String {
            switch self {
            case .learned: return "the learned attributor"
            case .delta: return "Cosine Delta"
            }
        }

    }

    static let chunksPerVoice = 12
    /// Calibration chunks per voice with two or more voices (each scored by the fold that left it out).
    static let calibrationChunksPerVoice = 24

    public convenience init(candidates: [AttributionCandidate], textWords: Int,
                            background: VerificationBackground? = VerificationBackground.shipped) throws {
        try self.init(candidates: candidates, textWords: textWords, background: background, trainClosedSet: true)
    }

    /// `trainClosedSet`: train the learned attributor that splits the vault posterior between the voices (off when
    /// the caller has attribution probabilities of its own for every text).
    /// `cut`: the candidates' samples already cut at `chunkLength(forTextWords: textWords)` with their word sequences,
    /// per voice and sample (so a caller that also calibrates on them reads the samples once at that length).
    init(candidates: [AttributionCandidate], textWords: Int, background: VerificationBackground?, trainClosedSet: Bool,
         cut: [[[TextFeatures]]]? = nil) throws {
        guard !candidates.isEmpty else { throw AttributionError.noCandidates }
        guard let background else { throw AttributionError.missingBackground }
        try TrainingData.checkNames(candidates.map(\.name))
        let length = LearnedAttributor.chunkLength(forTextWords: textWords)
        // The calibration pairs stay at the text's length even where the learned attributor trains on longer chunks:
        // they turn this length's evidence into probabilities.
        let cut = cut ?? ParallelMap.map(candidates.count) {
            LearnedAttributor.chunksBySample(of: candidates[$0], length: length, keepSequence: true)
        }
        let columns = Dictionary(uniqueKeysWithValues: background.vocabulary.enumerated().map { ($1, Int32($0)) })
        let dimension = background.vocabulary.count

        // Vault voices: a running sum over every chunk for the profile, a few chunks kept for pairs.
        struct Voice {
            var sum: [Double]; var count: Int; var kept: [(rates: [Float], words: [UInt64])]; var sequences: [[UInt64]]
            var chunks: [TextFeatures]; var keptIndices: [Int]
        }
        // With two or more voices only the chunks are needed (the dense background rates are for one voice).
        let dense = candidates.count < 2
        let voices: [Voice] = ParallelMap.map(candidates.count) { index in
            let chunks = cut[index].flatMap { $0 }
            if !dense {
                return Voice(sum: [], count: chunks.count, kept: [], sequences: [], chunks: chunks, keptIndices: [])
            }
            var sum = [Double](repeating: 0, count: dimension)
            var kept: [(rates: [Float], words: [UInt64])] = [], keptIndices: [Int] = []
            let keepEvery = max(1, chunks.count / VoiceVerifier.chunksPerVoice)
            for (k, chunk) in chunks.enumerated() {
                let rates = VoiceVerifier.rates(chunk, columns: columns, dimension: dimension)
                for j in 0..<dimension { sum[j] += Double(rates[j]) }
                if k % keepEvery == 0 && kept.count < VoiceVerifier.chunksPerVoice {
                    kept.append((rates, chunk.wordSequence))
                    keptIndices.append(k)
                }
            }
            return Voice(sum: sum, count: chunks.count, kept: kept, sequences: chunks.map(\.wordSequence), chunks: chunks,
                         keptIndices: keptIndices)
        }
        for (candidate, voice) in zip(candidates, voices) where voice.count == 0 {
            throw AttributionError.emptyCandidate(name: candidate.name)
        }
        let general = WordOrderModel(commonWords: background.commonWords, transitions: background.transitions)
        if voices.count >= 2 {
            // The closed-set model first: its held-out pieces, with the shares a model trained without them gave, are
            // what the posterior's recalibration is fitted on.
            var learned: LearnedAttributor?
            if trainClosedSet {
                let training = LearnedAttributor.TrainingChunks(candidates, textWords: textWords, cut: cut)
                learned = training.chunks.allSatisfy({ $0.count >= 2 })
                    ? LearnedAttributor(names: candidates.map(\.name), training: training) : nil
            }
            let fitted = VoiceVerifier.vaultFit(chunks: voices.map(\.chunks), general: general,
                                                heldOutShares: learned?.heldOutShares ?? [])
            self.candidateNames = candidates.map(\.name)
            self.chunkWords = length
            self.background = background
            self.columns = [:]
            self.mean = []
            self.inverseSpread = []
            self.profiles = []
            self.scaledProfiles = []
            self.trials = ImpostorTrials(dimension: 0)
            self.vault = fitted.space
            self.profileNames = candidates.map(\.name)
            self.orderModels = fitted.orderModels
            self.orderMean = fitted.orderMean
            self.orderSpread = fitted.orderSpread
            self.coefficients = fitted.coefficients
            self.orderCap = fitted.orderCap
            self.posteriorRecalibration = fitted.recalibration.coefficients
            if trainClosedSet {
                // Cosine Delta is built only when the learned model cannot be (building it for a large vault is slow).
                self.closedSet = learned.map { .learned($0) } ?? (try? Attributor(candidates: candidates)).map { .delta($0) }
            } else {
                self.closedSet = nil
            }
            let voiceCount = voices.count
            self.calibratedOn = "\(fitted.same) same-writer and \(fitted.different) different-writer pairs of \(length)-word chunks of "
                + "this vault's \(voiceCount) voices, each scored by a character n-gram TF-IDF space, centroids and word-order "
                + "model fitted without it (\(VaultSpace.folds)-fold cross-fitting): against its own voice, against another voice "
                + "with its own voice in the vault and with it left out (standing for a stranger), and with its words shuffled"
                + (closedSet.map { "; the voices weighed against each other by \($0.name)" } ?? "")
                + (fitted.recalibration.coefficients.isEmpty ? "" : "; the final probability recalibrated at even odds on "
                    + "\(fitted.recalibration.same) same-writer and \(fitted.recalibration.different) different-writer pairs of this "
                    + "vault's held-out pieces, scored by a closed-set model and verifier folds that never saw them")
            return
        }
        let backgroundChunks = VoiceVerifier.backgroundChunks(background, length: length)
        let vault: VaultSpace? = nil

        // z-scoring over every kept chunk at this length.
        var all: [[Float]] = voices.flatMap { $0.kept.map(\.rates) }
        all += backgroundChunks.map(\.rates)
        var mean = [Float](repeating: 0, count: dimension), inverse = mean
        for j in 0..<dimension {
            var m = 0.0, s = 0.0
            for v in all { m += Double(v[j]) }
            m /= Double(max(1, all.count))
            for v in all { s += (Double(v[j]) - m) * (Double(v[j]) - m) }
            let sd = (s / Double(max(1, all.count - 1))).squareRoot()
            mean[j] = Float(m)
            inverse[j] = sd > 1e-9 ? Float(1 / sd) : 0
        }
        func z(_ rates: [Float]) -> [Float] { (0..<dimension).map { (rates[$0] - mean[$0]) * inverse[$0] } }
        func scaled(_ rates: [Float]) -> [Float] { (0..<dimension).map { rates[$0] * inverse[$0] } }
        let trials = ImpostorTrials(dimension: dimension)

        // Profiles.
        var profiles: [[Float]] = voices.map { voice in z(voice.sum.map { Float($0 / Double(max(1, voice.count))) }) }
        var scaledProfiles: [[Float]] = voices.map { voice in scaled(voice.sum.map { Float($0 / Double(max(1, voice.count))) }) }
        var backgroundSums = [[Double]](repeating: [Double](repeating: 0, count: dimension), count: background.writers.count)
        var backgroundCounts = [Int](repeating: 0, count: background.writers.count)
        for chunk in backgroundChunks {
            for j in 0..<dimension { backgroundSums[chunk.writer][j] += Double(chunk.rates[j]) }
            backgroundCounts[chunk.writer] += 1
        }
        let usedWriters = background.writers.indices.filter { backgroundCounts[$0] > 0 }
        for w in usedWriters {
            let rates = backgroundSums[w].map { Float($0 / Double(backgroundCounts[w])) }
            profiles.append(z(rates))
            scaledProfiles.append(scaled(rates))
        }
        let names = candidates.map(\.name) + usedWriters.map { _ in "background writer" }

        // Word order, per voice: general English plus the voice's own transitions.
        let orderModels = voices.map { general.adding($0.sequences, weight: 0.5) }
        var orderMean: [Double] = [], orderSpread: [Double] = []
        for (v, voice) in voices.enumerated() {
            let values = voice.kept.map { orderModels[v].fluency($0.words) }
            let m = values.isEmpty ? 0.3 : values.reduce(0, +) / Double(values.count)
            let sd = values.count >= 2 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot() : 0.1
            orderMean.append(m)
            orderSpread.append(max(sd, 0.02))
        }

        // Calibration pairs.
        var features: [[Double]] = [], labels: [Bool] = [], groups: [Int] = []  // 0 same, 1 vault, 2 background, 3 shuffled
        var naturalZ: [Double] = [], shuffledZ: [Double] = []
        var random = SeededRandom(seed: 0x0dd5)
        let voiceCount = voices.count
        func evidence(_ rates: [Float], target: Int, excluding: Int?, order: Double) -> [Double] {
            VoiceVerifier.evidence(zText: z(rates), scaledText: scaled(rates), target: target, excluding: excluding,
                                   profiles: profiles, scaledProfiles: scaledProfiles, trials: trials, order: order).features
        }
        for (v, voice) in voices.enumerated() where voice.count >= 2 {
            for chunk in voice.kept {
                // Same writer: the chunk against its voice's profile without it.
                let without = (0..<dimension).map { j in Float((voice.sum[j] - Double(chunk.rates[j])) / Double(voice.count - 1)) }
                var saved = (profiles[v], scaledProfiles[v])
                profiles[v] = z(without)
                scaledProfiles[v] = scaled(without)
                let order = VoiceVerifier.orderTerm(orderModels[v].fluency(chunk.words), mean: orderMean[v], spread: orderSpread[v])
                features.append(evidence(chunk.rates, target: v, excluding: nil, order: order)); labels.append(true); groups.append(0)
                // Different: the same chunk with its words shuffled.
                var shuffled = chunk.words
                for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(random.next() % UInt64(i + 1))) }
                let shuffledFluency = orderModels[v].fluency(shuffled)
                let shuffledOrder = VoiceVerifier.orderTerm(shuffledFluency, mean: orderMean[v], spread: orderSpread[v])
                naturalZ.append((orderModels[v].fluency(chunk.words) - orderMean[v]) / orderSpread[v])
                shuffledZ.append((shuffledFluency - orderMean[v]) / orderSpread[v])
                features.append(evidence(chunk.rates, target: v, excluding: nil, order: shuffledOrder)); labels.append(false); groups.append(3)
                swap(&saved.0, &profiles[v])
                swap(&saved.1, &scaledProfiles[v])
                // Different: the chunk against another voice, with its own voice out of the impostors.
                if voiceCount > 1 {
                    let other = (v + 1 + Int(random.next() % UInt64(voiceCount - 1))) % voiceCount
                    let otherOrder = VoiceVerifier.orderTerm(orderModels[other].fluency(chunk.words), mean: orderMean[other], spread: orderSpread[other])
                    features.append(evidence(chunk.rates, target: other, excluding: v, order: otherOrder))
                    labels.append(false); groups.append(1)
                }
            }
        }
        // Background writers: their chunks against the vault voices (different) and their own profile (same).
        let backgroundIndex = Dictionary(uniqueKeysWithValues: usedWriters.enumerated().map { ($1, voiceCount + $0) })
        for (k, chunk) in backgroundChunks.enumerated() where vault == nil {
            guard let own = backgroundIndex[chunk.writer] else { continue }
            let target = k % voiceCount
            features.append(evidence(chunk.rates, target: target, excluding: own, order: 0)); labels.append(false); groups.append(2)
            if backgroundCounts[chunk.writer] >= 2 && k % 2 == 0 {
                let n = Double(backgroundCounts[chunk.writer])
                let without = (0..<dimension).map { j in Float((backgroundSums[chunk.writer][j] - Double(chunk.rates[j])) / (n - 1)) }
                var saved = (profiles[own], scaledProfiles[own])
                profiles[own] = z(without)
                scaledProfiles[own] = scaled(without)
                features.append(evidence(chunk.rates, target: own, excluding: nil, order: 0)); labels.append(true); groups.append(0)
                swap(&saved.0, &profiles[own])
                swap(&saved.1, &scaledProfiles[own])
            }
        }
        var counts = [Int](repeating: 0, count: 4)
        for g in groups { counts[g] += 1 }
        // Same and different weigh equally; among the different pairs other vault voices (the hardest, and most
        // like what users paste) weigh most, the shuffled chunks and the background (when it is in the pairs) less.
        let shares: [Double] = counts[2] == 0 ? [0.5, 0.375, 0, 0.125]
            : counts[1] > 0 ? [0.5, 0.25, 0.125, 0.125] : [0.5, 0, 0.25, 0.25]
        let weights = groups.map { shares[$0] / Double(max(1, counts[$0])) }
        self.coefficients = PairLogistic.fit(features: features, labels: labels, weights: weights) ?? [-3, 3, 3, 8, 0.5]
        self.orderCap = VoiceVerifier.fitOrderCap(natural: naturalZ, shuffled: shuffledZ)
        self.posteriorRecalibration = []
        self.closedSet = nil
        let same = labels.filter { $0 }.count
        self.calibratedOn = "\(same) same-writer and \(labels.count - same) different-writer pairs of \(length)-word chunks: "
            + "this vault's \(voiceCount) voice\(voiceCount == 1 ? "" : "s") held out one chunk at a time, their words shuffled, "
            + (vault == nil ? "and " : "with as impostors ")
            + "\(usedWriters.count) public-domain background writers (\(background.source))"
        self.candidateNames = candidates.map(\.name)
        self.chunkWords = length
        self.background = background
        self.columns = columns
        self.mean = mean
        self.inverseSpread = inverse
        self.profiles = profiles
        self.scaledProfiles = scaledProfiles
        self.vault = vault
        self.trials = trials
        self.profileNames = names
        self.orderModels = orderModels
        self.orderMean = orderMean
        self.orderSpread = orderSpread
    }

    /// Verifies `text` against the voice named `clone`; `nil` when the verifier has no such voice.
    public func verify(_ text: String, clone: String) -> Verification? {
        guard let index = candidateNames.firstIndex(of: clone) else { return nil }
        return verify(TextFeatures.whole(text, keepSequence: true), voice: index, text: text)
    }

    /// Verifies many (text, voice name) pairs in parallel; `nil` where the verifier has no such voice.
    public func verify(_ pairs: [(text: String, clone: String)]) -> [Verification?] {
        ParallelMap.map(pairs.count) { i -> Verification? in
            guard let index = self.candidateNames.firstIndex(of: pairs[i].clone) else { return nil }
            return self.verify(TextFeatures.whole(pairs[i].text, keepSequence: true), voice: index, text: pairs[i].text)
        }
    }

    /// One voice's own evidence for a text: the calibrated logit against a stranger, the word-order cap, and the
    /// figures the breakdown shows.
    struct VoiceEvidence {
        var logit: Double
        var cap: Double
        var similarity: Double
        var closest: Int?
        var closestSimilarity: Double
        var fluency: Double
        var orderZ: Double
        /// The voice's own verification probability: the calibrated logistic, capped by word order.
        var probability: Double { min(PairLogistic.sigmoid(logit), cap) }
    }

    /// Every voice's own evidence for the text, in `candidateNames` order.
    func evidence(for features: TextFeatures) -> [VoiceEvidence] {
        let classes = orderModels.first?.classSequence(features.wordSequence) ?? []
        if let vault {
            let cosines = vault.cosines(vault.space.row(features, sorted: false))
            return candidateNames.indices.map { v in
                let fluency = orderModels[v].fluency(classes: classes)
                let order = VoiceVerifier.orderTerm(fluency, mean: orderMean[v], spread: orderSpread[v])
                let found = vault.evidence(cosines: cosines, target: v, excluding: nil)
                let x = [1] + found.values + [order]
                return VoiceEvidence(logit: zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 }, cap: cap(fluency, voice: v),
                                     similarity: found.similarity, closest: found.closest, closestSimilarity: found.closestSimilarity,
                                     fluency: fluency, orderZ: (fluency - orderMean[v]) / orderSpread[v])
            }
        }
        let dimension = background.vocabulary.count
        let rates = VoiceVerifier.rates(features, columns: columns, dimension: dimension)
        let zText = (0..<dimension).map { (rates[$0] - mean[$0]) * inverseSpread[$0] }
        let scaledText = (0..<dimension).map { rates[$0] * inverseSpread[$0] }
        return candidateNames.indices.map { v in
            let fluency = orderModels[v].fluency(classes: classes)
            let order = VoiceVerifier.orderTerm(fluency, mean: orderMean[v], spread: orderSpread[v])
            let found = VoiceVerifier.evidence(zText: zText, scaledText: scaledText, target: v, excluding: nil, profiles: profiles,
                                               scaledProfiles: scaledProfiles, trials: trials, order: order)
            return VoiceEvidence(logit: zip(coefficients, found.features).reduce(0) { $0 + $1.0 * $1.1 }, cap: cap(fluency, voice: v),
                                 similarity: found.similarity, closest: found.closest, closestSimilarity: found.closestSimilarity,
                                 fluency: fluency, orderZ: (fluency - orderMean[v]) / orderSpread[v])
        }
    }

    /// The word-order cap for a text of this fluency against voice `v`.
    func cap(_ fluency: Double, voice v: Int) -> Double {
        VoiceVerifier.cap(z: (fluency - orderMean[v]) / orderSpread[v], coefficients: orderCap)
    }

    static func cap(z: Double, coefficients: [Double]) -> Double {
        guard coefficients.count == 2 else { return 1 }
        return PairLogistic.sigmoid(coefficients[0] + coefficients[1] * max(-12, min(4, z)))
    }

    /// Each voice's own verification probability for the text (against a stranger, word order capped), in
    /// `candidateNames` order: the input of `VaultPosterior`.
    func voiceProbabilities(_ features: TextFeatures) -> [Double] { evidence(for: features).map(\.probability) }

    /// The posterior over {each voice, none of them} for the text, for `question` (`attribute`'s by default);
    /// `within`, the closed-set attribution probabilities in `candidateNames` order, or nil for this verifier's own
    /// closed-set model (or, without one, the voices' own split).
    public func posterior(_ text: String, within: [Double]? = nil, question: VaultPosterior.Question = .attribute) -> VaultPosterior {
        let features = TextFeatures.whole(text, keepSequence: true)
        return posterior(features, text: text, within: within, question: question)
    }

    /// `posterior` for a text already read into features (with its word sequence).
    func posterior(_ features: TextFeatures, text: String?, within: [Double]? = nil,
                   question: VaultPosterior.Question = .attribute) -> VaultPosterior {
        VaultPosterior(probabilities: voiceProbabilities(features), within: within ?? closedSetProbabilities(features, text: text),
                       question: question)
    }

    /// Each voice's own verification probability for `text` (see `voiceProbabilities`), for evaluations.
    public func voiceProbabilities(_ text: String) -> [Double] {
        voiceProbabilities(TextFeatures.whole(text, keepSequence: true))
    }

    /// This verifier's closed-set attribution probabilities for `text` (nil without a learned attributor).
    public func closedSetProbabilities(_ text: String) -> [Double]? {
        closedSetProbabilities(TextFeatures.whole(text), text: text)
    }

    /// Which closed-set model splits the vault posterior ("the learned attributor", "Cosine Delta"), if any.
    public var closedSetName: String? { closedSet?.name }

    /// The closed-set probabilities in `candidateNames` order; `text` is needed for Cosine Delta.
    func closedSetProbabilities(_ features: TextFeatures, text: String?) -> [Double]? {
        guard candidateNames.count > 1, let closedSet else { return nil }
        switch closedSet {
        case .learned(let model): return model.probabilities(features: features)
        case .delta(let model):
            guard let text else { return nil }
            let ranking = model.attribute(text).ranking
            return candidateNames.map { name in ranking.first { $0.clone == name }?.probability ?? 0 }
        }
    }

    /// Below this many words a handful of transitions say nothing about fluency either way, so `match` does not
    /// claim the order "reads like the samples" (the evidence still enters the score, with its own small weight).
    static let wordOrderNoteMinimumWords = 10

    /// Verifies the text against voice `index`: its probability in the vault posterior (`VaultPosterior`), the
    /// voice's own verification probability, the strongest rival and the evidence. `within`: closed-set attribution
    /// probabilities for the split between voices (nil: this verifier's own, see `posterior`).
    func verify(_ features: TextFeatures, voice index: Int, text: String?, within: [Double]? = nil) -> Verification {
        let all = evidence(for: features)
        let own = all[index]
        let probabilities = all.map(\.probability)
        let split = within ?? closedSetProbabilities(features, text: text)
        // The question `match` asks: did this voice's writer write it (`VaultPosterior.Question.match`).
        let posterior = VaultPosterior(probabilities: probabilities, within: split, question: .match(index))
        // Recalibrated, then held under the word-order cap again: the same-writer event lies inside the natural-prose
        // event, so no recalibration may lift a text above the probability that it is prose at all (before the
        // recalibration the posterior sat under the voice's own capped probability by construction).
        let probability = min(recalibrated(posterior.voices[index]), own.cap)
        let rawBand = VoiceVerifier.band(all.map(\.probability), voice: index, within: split, textWords: features.words,
                                         chunkWords: chunkWords)
        let band = ProbabilityBand(lower: recalibrated(rawBand.lower), upper: recalibrated(rawBand.upper))
        let note: String
        // Said only when the cap lowers the score by at least the half point the output rounds to.
        let capped = own.cap < PairLogistic.sigmoid(own.logit) - 0.005
        if features.words < Self.wordOrderNoteMinimumWords {
            note = "too few words (\(features.words)) to say how the word order reads"
        } else if own.orderZ < -3 {
            note = "the word order is unlike any writer's (fluency \(String(format: "%.2f", own.fluency)) vs \(String(format: "%.2f", orderMean[index])) in the samples)"
        } else if own.orderZ < -1.5 {
            note = "the word order reads less naturally than the samples"
        } else {
            note = "the word order reads like the samples"
        }
        let rival = posterior.rival(of: index)
        return Verification(
            probability: probability,
            band: ProbabilityBand(lower: min(band.lower, probability), upper: max(band.upper, probability)),
            verdict: VerificationVerdict(probability: probability), similarity: own.similarity,
            closestAlternative: own.closest.map { profileNames[$0] } ?? "none", alternativeSimilarity: own.closestSimilarity,
            wordOrder: WordOrderEvidence(fluency: own.fluency, writerFluency: orderMean[index], z: own.orderZ,
                                         note: capped ? note + "; natural-prose probability \(Int((own.cap * 100).rounded()))% caps the score" : note),
            calibratedOn: calibratedOn,
            voiceProbability: own.probability,
            noneProbability: probabilities.count > 1 ? posterior.none : nil,
            rival: rival.map { candidateNames[$0.index] }, rivalProbability: rival?.probability)
    }

    /// `match`'s posterior probability through the final recalibration (`posteriorRecalibration`; monotone rising,
    /// so bands map end to end).
    func recalibrated(_ posterior: Double) -> Double {
        PosteriorRecalibration.apply(posteriorRecalibration, to: posterior)
    }

    /// The band for voice `index`'s probability in `match`'s posterior (`VaultPosterior.band`). Each voice's own
    /// probability gets a band of ±`spread` on its logit (the word-order cap included: it is calibrated at the same
    /// length), and the closed-set shares a temperature band of `TemperatureFit.bandWidening`, the rule `attribute`'s
    /// bands follow. Both grow as the text gets shorter than the chunks the bucket was calibrated on
    /// (`chunkWords`): its evidence is a sum over fewer words. At or above the chunk length they keep a floor (±1 on
    /// the logit, ×/÷1.25 on the temperature), so a band is never a point: the calibration itself was fitted on a
    /// few hundred pairs from this vault's own samples and does not transfer exactly to a text from elsewhere.
    static func band(_ probabilities: [Double], voice index: Int, within split: [Double]?, textWords: Int,
                     chunkWords: Int) -> ProbabilityBand {
        let spread = 0.5 + 0.5 * max(1, Double(chunkWords) / Double(max(textWords, 1))).squareRoot()
        let logits = probabilities.map { p -> Double in
            let c = min(1 - VaultPosterior.clamp, max(VaultPosterior.clamp, p))
            return log(c / (1 - c))
        }
        return VaultPosterior.band(
            for: index, lower: logits.map { PairLogistic.sigmoid($0 - spread) },
            upper: logits.map { PairLogistic.sigmoid($0 + spread) }, within: split,
            widening: TemperatureFit.bandWidening(words: textWords, shortTextWords: chunkWords), question: .match(index))
    }

    /// The evidence for one text against voice `target`, with `excluding` (the text's own writer, in calibration)
    /// left out of the impostors: [1, trials won by min-max, trials won by cosine, margin over the closest
    /// impostor by cosine, word order].
    static func evidence(zText: [Float], scaledText: [Float], target: Int, excluding: Int?, profiles: [[Float]],
                         scaledProfiles: [[Float]], trials: ImpostorTrials, order: Double)
        -> (features: [Double], similarity: Double, closest: Int?, closestSimilarity: Double) {
        let similarity = cosine(zText, profiles[target])
        var best = -1.0, closest: Int?
        var impostors: [ImpostorTrials.Sums] = []
        for p in profiles.indices where p != target && p != excluding {
            let value = cosine(zText, profiles[p])
            if value > best { best = value; closest = p }
            impostors.append(trials.sums(zText: zText, zProfile: profiles[p], scaledText: scaledText, scaledProfile: scaledProfiles[p]))
        }
        let candidate = trials.sums(zText: zText, zProfile: profiles[target], scaledText: scaledText, scaledProfile: scaledProfiles[target])
        let won = trials.scores(candidate: candidate, impostors: impostors)
        return ([1, won.minMax, won.cosine, similarity - best, order], similarity, closest, best)
    }

    /// What `vaultFit` produces: the run-time space (fitted on every used chunk), word-order models and their
    /// held-out statistics, and the logistic coefficients fitted on cross-fitted pairs.
    struct VaultFit {
        var space: VaultSpace
        var orderModels: [WordOrderModel]
        var orderMean: [Double]
        var orderSpread: [Double]
        var coefficients: [Double]
        var orderCap: [Double]
        var recalibration: PosteriorRecalibration
        var same: Int
        var different: Int
        /// The calibration pairs themselves ([1, cosine, margin, order]), for tests.
        var features: [[Double]]
        var labels: [Bool]
    }

    /// Calibration for two or more voices. Every calibration chunk is scored only by the fold of `VaultSpace.crossFitted`
    /// that left it out: the space (its idf and `min_df` cut), the centroids and the voice's word-order model all
    /// come from the other folds, exactly as a new text is scored by a space that never saw it.
    static func vaultFit(chunks: [[TextFeatures]], general: WordOrderModel,
                         heldOutShares: [LearnedAttributor.HeldOutShare] = []) -> VaultFit {
        let voiceCount = chunks.count
        let used = chunks.map { VaultSpace.used(count: $0.count) }
        let space = VaultSpace(chunks: chunks, used: used)
        let orderModels = ParallelMap.map(voiceCount) { v in general.adding(chunks[v].map(\.wordSequence), weight: 0.5) }
        let scored = used.map { Set(LearnedAttributor.spread($0, limit: calibrationChunksPerVoice)) }
        let folds = VaultSpace.crossFitted(chunks: chunks, used: used)

        struct Pair { var voice: Int; var same: VaultSpace.Evidence; var own: Double; var shuffled: Double
                      var other: Int?; var across: VaultSpace.Evidence?; var mate: VaultSpace.Evidence?; var otherFluency: Double }
        var pairs: [Pair] = []
        var foldOrders: [[WordOrderModel]] = []
        for (fold, (foldSpace, heldOut)) in folds.enumerated() {
            // Each voice's word-order model without this fold's chunks.
            let foldOrder: [WordOrderModel] = ParallelMap.map(voiceCount) { v in
                let out = Set(heldOut[v])
                return general.adding(chunks[v].indices.filter { !out.contains($0) }.map { chunks[v][$0].wordSequence }, weight: 0.5)
            }
            foldOrders.append(foldOrder)
            let found: [[Pair]] = ParallelMap.map(voiceCount) { v -> [Pair] in
                guard foldSpace.counts[v] > 0 else { return [] }
                var result: [Pair] = []
                for index in heldOut[v] where scored[v].contains(index) {
                    let chunk = chunks[v][index]
                    var random = SeededRandom(seed: 0x0dd5 &+ UInt64(v) << 32 &+ UInt64(index) << 8 &+ UInt64(fold))
                    // The chunk's cosines to every centroid of this fold, computed once for its three pairs.
                    let cosines = foldSpace.cosines(foldSpace.space.row(chunk, sorted: false))
                    let same = foldSpace.evidence(cosines: cosines, target: v, excluding: nil)
                    var shuffled = chunk.wordSequence
                    for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(random.next() % UInt64(i + 1))) }
                    let others = (0..<voiceCount).filter { $0 != v && foldSpace.counts[$0] > 0 }
                    let other = others.isEmpty ? nil : others[Int(random.next() % UInt64(others.count))]
                    result.append(Pair(voice: v, same: same, own: foldOrder[v].fluency(chunk.wordSequence),
                                       shuffled: foldOrder[v].fluency(shuffled), other: other,
                                       across: other.map { foldSpace.evidence(cosines: cosines, target: $0, excluding: v) },
                                       mate: other.map { foldSpace.evidence(cosines: cosines, target: $0, excluding: nil) },
                                       otherFluency: other.map { foldOrder[$0].fluency(chunk.wordSequence) } ?? 0))
                }
                return result
            }
            pairs += found.flatMap { $0 }
        }
        // Each voice's word-order typical value and spread, from its held-out chunks only.
        var orderMean = [Double](repeating: 0.3, count: voiceCount), orderSpread = [Double](repeating: 0.1, count: voiceCount)
        for v in 0..<voiceCount {
            let values = pairs.filter { $0.voice == v }.map(\.own)
            guard !values.isEmpty else { continue }
            let m = values.reduce(0, +) / Double(values.count)
            let sd = values.count >= 2 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot() : 0.1
            orderMean[v] = m
            orderSpread[v] = max(sd, 0.02)
        }
        // 0 same; 1 another voice, own voice out of the impostors (a stranger's text); 2 shuffled; 3 another voice with
        // its own voice in the vault (a vault-mate's text, as `match hamilton` on a Madison paper with Madison present).
        var features: [[Double]] = [], labels: [Bool] = [], groups: [Int] = []
        for pair in pairs {
            let v = pair.voice
            features.append([1] + pair.same.values + [orderTerm(pair.own, mean: orderMean[v], spread: orderSpread[v])])
            labels.append(true); groups.append(0)
            features.append([1] + pair.same.values + [orderTerm(pair.shuffled, mean: orderMean[v], spread: orderSpread[v])])
            labels.append(false); groups.append(2)
            if let o = pair.other, let across = pair.across {
                features.append([1] + across.values + [orderTerm(pair.otherFluency, mean: orderMean[o], spread: orderSpread[o])])
                labels.append(false); groups.append(1)
            }
            if let o = pair.other, let mate = pair.mate {
                features.append([1] + mate.values + [orderTerm(pair.otherFluency, mean: orderMean[o], spread: orderSpread[o])])
                labels.append(false); groups.append(3)
            }
        }
        var counts = [Int](repeating: 0, count: 4)
        for g in groups { counts[g] += 1 }
        // Same and different weigh equally (0.5 is even odds); among the different pairs, other writers' texts (what
        // users paste) weigh three times the shuffled chunks, which only teach the word-order term, and strangers'
        // and vault-mates' texts weigh alike.
        let shares: [Double] = counts[1] > 0 ? [0.5, 0.1875, 0.125, 0.1875] : [0.5, 0, 0.5, 0]
        let weights = groups.map { shares[$0] / Double(max(1, counts[$0])) }
        // Regularised Platt scaling: a small vault's few pairs must not give a slope so steep that one contraction
        // swings the probability (`PairLogistic.fitPlatt`).
        let coefficients = PairLogistic.fitPlatt(features: features, labels: labels, weights: weights) ?? [-6, 12, 12, 0.5]
        let orderCap = fitOrderCap(natural: pairs.map { ($0.own - orderMean[$0.voice]) / orderSpread[$0.voice] },
                                   shuffled: pairs.map { ($0.shuffled - orderMean[$0.voice]) / orderSpread[$0.voice] })
        let same = labels.filter { $0 }.count
        let recalibration = PosteriorRecalibration(
            shares: heldOutShares, chunks: chunks, folds: folds, foldOrders: foldOrders, coefficients: coefficients,
            orderCap: orderCap, orderMean: orderMean, orderSpread: orderSpread)
        return VaultFit(space: space, orderModels: orderModels, orderMean: orderMean, orderSpread: orderSpread,
                        coefficients: coefficients, orderCap: orderCap, recalibration: recalibration, same: same,
                        different: labels.count - same, features: features, labels: labels)
    }

    /// The word-order cap's logistic [a, b] on z (natural prose 1, the same chunks shuffled 0, at even odds);
    /// no cap ([]) without both kinds, or when the fit does not rise with fluency.
    static func fitOrderCap(natural: [Double], shuffled: [Double]) -> [Double] {
        guard !natural.isEmpty, !shuffled.isEmpty else { return [] }
        let clamp = { (z: Double) in max(-12, min(4, z)) }
        let features = natural.map { [1, clamp($0)] } + shuffled.map { [1, clamp($0)] }
        let labels = natural.map { _ in true } + shuffled.map { _ in false }
        let weights = natural.map { _ in 0.5 / Double(natural.count) } + shuffled.map { _ in 0.5 / Double(shuffled.count) }
        guard let fitted = PairLogistic.fitStandardized(features: features, labels: labels, weights: weights, ridge: 1e-3),
              fitted[1] > 0 else { return [] }
        return fitted
    }

    /// Only unusually disordered text counts against a voice; natural text is neutral.
    static func orderTerm(_ fluency: Double, mean: Double, spread: Double) -> Double {
        max(-8, min(0, (fluency - mean) / spread))
    }

    static func rates(_ chunk: TextFeatures, columns: [UInt32: Int32], dimension: Int) -> [Float] {
        var rates = [Float](repeating: 0, count: dimension)
        let perWord = 1 / Float(max(chunk.words, 1))
        for (key, count) in zip(chunk.keys, chunk.counts) {
            if let c = columns[key] { rates[Int(c)] = count * perWord }
        }
        return rates
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot: Float = 0, na: Float = 0, nb: Float = 0
        for j in a.indices { dot += a[j] * b[j]; na += a[j] * a[j]; nb += b[j] * b[j] }
        return na > 0 && nb > 0 ? Double(dot / (na.squareRoot() * nb.squareRoot())) : 0
    }

    /// Background chunks at `length` words: neighbouring 250-word chunks of a run added up (up to 1,000 words),
    /// or, below 250 words, a seeded binomial thinning of one chunk's counts.
    static func backgroundChunks(_ background: VerificationBackground, length: Int) -> [(writer: Int, rates: [Float])] {
        let dimension = background.vocabulary.count
        let per = max(1, min(VerificationBackground.runLength, Int((Double(length) / Double(VerificationBackground.chunkWords)).rounded())))
        var random = SeededRandom(seed: 0xb4c6)
        var result: [(writer: Int, rates: [Float])] = []
        var k = 0
        let chunks = background.chunks
        while k < chunks.count {
            var end = k
            while end < chunks.count && end - k < per && chunks[end].run == chunks[k].run { end += 1 }
            if end - k == per {
                var counts = [Float](repeating: 0, count: dimension), words = 0
                for chunk in chunks[k..<end] {
                    for (c, n) in zip(chunk.columns, chunk.counts) { counts[Int(c)] += n }
                    words += chunk.words
                }
                if length < words {
                    let keep = Double(length) / Double(words)
                    for j in 0..<dimension where counts[j] > 0 {
                        var kept: Float = 0
                        for _ in 0..<Int(counts[j]) where Double(random.next() >> 11) / Double(1 << 53) < keep { kept += 1 }
                        counts[j] = kept
                    }
                    words = length
                }
                result.append((chunks[k].writer, counts.map { $0 / Float(max(words, 1)) }))
            }
            k = end
        }
        return result
    }
}
