import VoiceCloneText
import Foundation

/// Attribution as `attribute` runs it: the learned model when every voice has enough text (Cosine Delta
/// otherwise, or when asked for), then the open-set check on the vault posterior for attribute's question
/// (`VaultPosterior.Question.attribute`): when the best voice's posterior probability is below `openSetThreshold`,
/// the answer is "none of these voices".
public enum VoiceAttribution {
    /// The default open-set threshold on the best voice's posterior probability. Chosen on development splits carved
    /// from the training writers of ebg_adversarial and enron_pan11_emails (never their test texts; `voiceclone-bench
    /// judgement`): the vault writers' last quarter of training texts to be named, the other writers' last quarter to
    /// be refused, and the mean of the two rates (named correctly, outsiders refused) averaged over both corpora.
    /// 0.75 had the best mean (62.8%; 0.60: 62.5%, 0.50: 59.4%, the earlier 0.25-or-more-probable-than-none: 50.4%,
    /// naming the most probable of {each voice, none}: 51.4%). It refuses most outsiders at the cost of naming fewer
    /// of the vault's own writers, above all on short emails, where the posterior is rarely sure.
    public static let defaultOpenSetThreshold = 0.75

    public static func attribute(
        _ texts: [String], candidates: [AttributionCandidate], method: AttributionMethod = .learned, top: Int? = nil,
        openSetThreshold: Double? = defaultOpenSetThreshold, settings: AttributionSettings = .standard,
        background: VerificationBackground? = VerificationBackground.shipped
    ) throws -> [Attribution] {
        guard !texts.isEmpty else { return [] }
        // Each text is read once, with its word sequence, for the length, the learned model and the open-set check.
        let features = ParallelMap.map(texts.count) { TextFeatures.whole(texts[$0], keepSequence: openSetThreshold != nil) }
        // Texts are attributed in the length bucket `match` uses for each (`VoiceVerifierCache`): one model, one
        // calibration and one posterior serve both commands, so they cannot disagree about the same text. A batch
        // of similar lengths is one bucket, trained once.
        var byBucket: [Int: [Int]] = [:]
        for i in texts.indices { byBucket[VoiceVerifierCache.bucket(forWords: features[i].words), default: []].append(i) }
        var results = [Attribution?](repeating: nil, count: texts.count)
        for bucket in byBucket.keys.sorted() {
            let indices = byBucket[bucket]!
            let attributed = try attribute(indices.map { texts[$0] }, features: indices.map { features[$0] }, bucket: bucket,
                                           candidates: candidates, method: method, openSetThreshold: openSetThreshold,
                                           settings: settings, background: background)
            for (i, result) in zip(indices, attributed) { results[i] = result }
        }
        return results.map { result in
            var result = result!
            if let top { result.ranking = Array(result.ranking.prefix(max(1, top))) }
            return result
        }
    }

    /// `attribute` for texts of one length bucket.
    static func attribute(
        _ texts: [String], features: [TextFeatures], bucket: Int, candidates: [AttributionCandidate], method: AttributionMethod,
        openSetThreshold: Double?, settings: AttributionSettings, background: VerificationBackground?
    ) throws -> [Attribution] {
        var results: [Attribution]
        // Below this many words the closed-set shares' bands widen (the attributor's own setting).
        var shortTextWords = settings.shortTextWords
        // The voices' samples are cut once at the bucket's length, for the verifier and for the learned model's
        // calibration pieces; the learned model trains on chunks of at least 50 words (`LearnedAttributor.trainingLength`).
        let length = LearnedAttributor.chunkLength(forTextWords: bucket)
        let cut: [[[TextFeatures]]]? = method == .learned || openSetThreshold != nil
            ? ParallelMap.map(candidates.count) { LearnedAttributor.chunksBySample(of: candidates[$0], length: length, keepSequence: openSetThreshold != nil) }
            : nil
        let training = method == .learned ? cut.map { LearnedAttributor.TrainingChunks(candidates, textWords: bucket, cut: $0) } : nil
        let trainable = candidates.count >= 2 && (training?.chunks.allSatisfy { $0.count >= 2 } ?? false)
        if trainable, let training {
            try TrainingData.checkNames(candidates.map(\.name))
            let attributor = LearnedAttributor(names: candidates.map(\.name), training: training)
            shortTextWords = attributor.shortTextWords
            results = ParallelMap.map(texts.count) { attributor.attribute(features: features[$0]) }
        } else {
            results = try Attributor(candidates: candidates, settings: settings).attribute(texts, top: nil)
            if method == .learned {
                for i in results.indices { results[i].warnings.append(.learnedModelSkipped) }
            }
        }
        if let threshold = openSetThreshold,
           let verifier = try? VoiceVerifier(candidates: candidates, textWords: bucket, background: background, trainClosedSet: false,
                                              cut: cut) {
            // The open-set decision comes from the vault posterior for attribute's question (`VaultPosterior`): the
            // voices' own verification probabilities weighed by the attribution's calibrated shares (the same
            // learned model `match`'s verifier trains on the same chunks, by default).
            let names = verifier.candidateNames
            let attributed = results
            let posteriors = ParallelMap.map(texts.count) { i -> VaultPosterior? in
                guard names.contains(attributed[i].best) else { return nil }
                var within = [Double](repeating: 0, count: names.count)
                for ranked in attributed[i].ranking {
                    if let k = names.firstIndex(of: ranked.clone) { within[k] = ranked.probability }
                }
                return verifier.posterior(features[i], text: texts[i], within: within, question: .attribute)
            }
            for i in results.indices {
                guard let posterior = posteriors[i] else { continue }
                for k in results[i].ranking.indices {
                    if let v = names.firstIndex(of: results[i].ranking[k].clone) { results[i].ranking[k].writerProbability = posterior.voices[v] }
                }
                results[i] = Self.namingThePosteriorsWriter(results[i], shortTextWords: shortTextWords)
                guard let named = names.firstIndex(of: results[i].best) else { continue }
                results[i].openSet = OpenSetVerdict(sameWriterProbability: posterior.voices[named], noneProbability: posterior.none,
                                                    threshold: threshold)
            }
        }
        // The length people read ("(52 words)" and the short-text warning) is counted as they count words, once, as
        // `match` counts it; the models' own token counts (which split "on-call") stay inside the arithmetic above.
        for i in results.indices {
            let words = WordCount.count(texts[i])
            results[i].words = words
            results[i].warnings.removeAll { $0.code == "short-text" }
            if words < shortTextWords { results[i].warnings.insert(.shortText(words: words, threshold: shortTextWords), at: 0) }
        }
        return results
    }

    /// The attribution with the vault posterior's most probable voice named and listed first (the rest by their
    /// posterior too). The closed-set share alone can favour another voice: a 26-word post was "closest:
    /// marguerite-holloway" at a 44% share, WROTE IT 22%, and so "none of these voices", while dana-okafor, 41% share,
    /// had WROTE IT 30%, above the threshold, because her own verifier's odds were stronger. The posterior weighs both,
    /// so its ranking is the answer; the band and confidence follow the named voice's share, at the same widened
    /// temperatures the attributor uses (`TemperatureFit.bandWidening`).
    static func namingThePosteriorsWriter(_ attribution: Attribution, shortTextWords: Int) -> Attribution {
        var result = attribution
        let posteriors = result.ranking.compactMap(\.writerProbability)
        guard posteriors.count == result.ranking.count else { return result }
        let order = result.ranking.indices.sorted { i, j in
            let a = result.ranking[i], b = result.ranking[j]
            if posteriors[i] != posteriors[j] { return posteriors[i] > posteriors[j] }
            if a.probability != b.probability { return a.probability > b.probability }
            return a.clone < b.clone
        }
        result.ranking = order.map { result.ranking[$0] }
        guard let top = result.ranking.first, top.clone != attribution.best else { return result }
        let shares = result.ranking.map(\.probability)
        let widen = TemperatureFit.bandWidening(words: result.words, shortTextWords: shortTextWords)
        let tempered = [widen, 1 / widen].map { TemperatureFit.tempered(shares, factor: $0)[0] }
        result.best = top.clone
        result.band = ProbabilityBand(lower: tempered.reduce(shares[0], min), upper: tempered.reduce(shares[0], max))
        result.confidence = ConfidenceLevel(lowerProbability: result.band.lower)
        result.drivers = []
        return result
    }
}
