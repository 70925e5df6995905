import VoiceCloneText

/// Ranks candidate voices for texts by stylometric distance ("who wrote this?").
///
/// Built once per call from the candidates' samples — features chosen, profiles and spreads
/// computed, probabilities calibrated by holding out each candidate's own samples — then used for
/// any number of texts. Samples come as raw texts or already scanned (`ScannedCandidate`), which
/// gives the same results and lets callers that build many attributors over the same samples (a
/// leave-one-out evaluation, a long-running app) scan each sample once. Immutable after `init`, so
/// it is safe to share across threads; the batch `attribute(_:top:)` spreads texts over all cores.
///
/// Evidence is combined training-free: each feature family (words, character n-grams, style) gives
/// a Delta distance over z-scores, each is divided by its typical spread between candidates (from
/// the held-out chunks), and the weighted average is the candidate's distance.
public final class Attributor: Sendable {
    public let settings: AttributionSettings
    public let candidateNames: [String]
    /// The self-test on held-out samples that set the probability temperature.
    public let calibration: Calibration
    /// Warnings about the candidates themselves (too little text, no calibration); repeated in every result.
    public let warnings: [AttributionWarning]

    let layout: FeatureLayout
    let statistics: FeatureStatistics
    let centroids: [[Double]]
    let families: [FeatureFamily]
    let familyScales: [Double]
    let familyWeights: [Double]
    /// Mean negative log-likelihood of the true voice on the held-out chunks at the fitted temperature (nil
    /// without any), for choosing a closed-set model (`VoiceVerifier`).
    let heldOutLoss: Double?

    /// Scans the candidates' raw samples (once each, in parallel) and builds the attributor.
    public convenience init(candidates: [AttributionCandidate], settings: AttributionSettings = .standard) throws {
        guard candidates.count >= 2 else {
            if candidates.isEmpty { throw AttributionError.noCandidates }
            throw AttributionError.tooFewCandidates(count: candidates.count)
        }
        try settings.validate()
        try TrainingData.checkNames(candidates.map(\.name))
        try self.init(scanned: ScannedCandidate.scan(candidates, settings: settings), settings: settings)
    }

    /// Builds the attributor from samples scanned earlier; gives the same results as from their texts.
    /// Every text must have been scanned with `settings.chunkWords`.
    public init(scanned candidates: [ScannedCandidate], settings: AttributionSettings = .standard) throws {
        guard candidates.count >= 2 else {
            if candidates.isEmpty { throw AttributionError.noCandidates }
            throw AttributionError.tooFewCandidates(count: candidates.count)
        }
        let data = try TrainingData(candidates: candidates, settings: settings)
        let full = Attributor.profiles(of: data, settings: settings)
        let families = FeatureFamily.allCases.filter { family in
            settings.weight(of: family) > 0 && !Attributor.range(of: family, in: data.layout).isEmpty
        }
        let cases = Attributor.heldOutCases(data: data, centroids: full.centroids, settings: settings)
        let options = Attributor.wordCountOptions(available: data.layout.wordKeys.count, cases: cases, settings: settings)
        let optionDistances = Attributor.heldOutDistances(
            cases, wordCounts: options, centroids: full.centroids, statistics: full.statistics, families: families,
            kind: settings.distance)
        let chosen = Attributor.fitWordCount(
            cases: cases, distances: optionDistances, options: options, families: families, settings: settings)
        let wordCount = options[chosen]
        // Everything after this point sees only the chosen words: the layout and profiles are cut down
        // to the first `wordCount` words (the most frequent, so the same features a layout built with
        // that limit holds). Every feature's statistics are its own, so cutting changes no figure.
        let layout = data.layout.keepingWords(wordCount)
        let project = { (vector: [Double]) in data.layout.project(vector, keepingWords: wordCount) }
        let centroids = full.centroids.map(project)
        let statistics = FeatureStatistics(
            centroids: centroids, withinVariances: full.within.map { $0.map(project) },
            averageWordTokens: full.averages.words, averageNgramTokens: full.averages.ngrams, layout: layout,
            lengthAdaptive: settings.lengthAdaptive)
        let caseDistances = optionDistances.map { $0[chosen] }
        let scales = Attributor.familyScales(caseDistances, families: families)
        let weights = Attributor.fitWeights(
            cases: cases, distances: caseDistances, families: families, scales: scales, settings: settings)
        let combinedCases = zip(cases, caseDistances).map { item, distances in
            (truth: item.truth, distances: Attributor.combine(distances, weights: weights, scales: scales))
        }
        let temperature = TemperatureFit.fit(combinedCases) ?? 0.1
        self.heldOutLoss = combinedCases.isEmpty ? nil
            : TemperatureFit.loss(combinedCases, temperature: temperature) / Double(combinedCases.count)
        let correct = combinedCases.filter { item in
            Attributor.argmin(item.distances) == item.truth
        }.count

        var warnings: [AttributionWarning] = []
        for (name, words) in zip(data.names, data.wordCounts) where words < 2 * settings.chunkWords {
            warnings.append(.thinCandidate(name: name, words: words))
        }
        if cases.isEmpty { warnings.append(.uncalibrated) }

        self.settings = settings
        self.candidateNames = data.names
        self.layout = layout
        self.statistics = statistics
        self.centroids = centroids
        self.families = families
        self.familyScales = scales
        self.familyWeights = weights
        self.warnings = warnings
        self.calibration = Calibration(
            chunks: cases.count,
            accuracy: cases.isEmpty ? 0 : Double(correct) / Double(cases.count),
            temperature: temperature,
            wordWeight: families.firstIndex(of: .words).map { weights[$0] } ?? 0,
            characterWeight: families.firstIndex(of: .characters).map { weights[$0] } ?? 0,
            styleWeight: families.firstIndex(of: .style).map { weights[$0] } ?? 0,
            mostFrequentWords: wordCount)
    }

    /// Attributes one text; `top` limits the ranking to the closest `top` candidates.
    public func attribute(_ text: String, top: Int? = nil) -> Attribution {
        var sink = VectorSink(layout: layout)
        StyleScanner.scan(text, chunkWords: Int.max, into: &sink)
        let vector = sink.chunks.first ?? FeatureVector(
            values: [Double](repeating: 0, count: layout.dimension), wordTokens: 0, ngramTokens: 0)
        return attribute(vector: vector, top: top)
    }

    /// Attributes many texts, in parallel; results are in the order of `texts`.
    public func attribute(_ texts: [String], top: Int? = nil) -> [Attribution] {
        ParallelMap.map(texts.count) { self.attribute(texts[$0], top: top) }
    }

    func attribute(vector: FeatureVector, top: Int?) -> Attribution {
        let words = vector.wordTokens
        let inverseScales = statistics.inverseScales(wordTokens: vector.wordTokens, ngramTokens: vector.ngramTokens)
        let familyDistances = Attributor.familyDistances(
            vector, inverseScales: inverseScales, centroids: centroids, statistics: statistics, families: families,
            kind: settings.distance)
        let distances = Attributor.combine(familyDistances, weights: familyWeights, scales: familyScales)
        let shortness = Double(settings.chunkWords) / Double(max(words, 1))
        let temperature = calibration.temperature * max(1, shortness).squareRoot()
        let probabilities = TemperatureFit.probabilities(distances, temperature: temperature)
        let order = distances.indices.sorted {
            distances[$0] != distances[$1] ? distances[$0] < distances[$1] : candidateNames[$0] < candidateNames[$1]
        }
        let widen = TemperatureFit.bandWidening(words: words, shortTextWords: settings.shortTextWords)
        let best = order[0]
        let lower = TemperatureFit.probabilities(distances, temperature: temperature * widen)[best]
        let upper = TemperatureFit.probabilities(distances, temperature: temperature / widen)[best]
        var warnings = self.warnings
        if words < settings.shortTextWords {
            warnings.insert(.shortText(words: words, threshold: settings.shortTextWords), at: 0)
        }
        let ranking = order.prefix(max(1, top ?? order.count)).map {
            RankedCandidate(clone: candidateNames[$0], distance: distances[$0], probability: probabilities[$0])
        }
        return Attribution(
            ranking: ranking, best: candidateNames[best], confidence: ConfidenceLevel(lowerProbability: lower),
            band: ProbabilityBand(lower: lower, upper: upper), words: words, warnings: warnings,
            drivers: order.count > 1 ? drivers(vector, inverseScales: inverseScales, best: best, runnerUp: order[1]) : [])
    }

    /// Per feature, how much it widened the gap between runner-up and best; the largest are reported.
    private func drivers(_ vector: FeatureVector, inverseScales scales: [Double], best: Int, runnerUp: Int) -> [AttributionDriver] {
        guard settings.drivers > 0 else { return [] }
        let mean = statistics.mean
        let totalWeight = familyWeights.reduce(0, +)
        var found = TopContributions(limit: settings.drivers)
        for (f, family) in families.enumerated() {
            let range = Attributor.range(of: family, in: layout)
            let factor = familyWeights[f] / familyScales[f] / totalWeight
            guard factor > 0 else { continue }
            let x = vector.values, b = centroids[best], r = centroids[runnerUp]
            func z(_ v: [Double], _ j: Int) -> Double { (v[j] - mean[j]) * scales[j] }
            var nx = 0.0, nb = 0.0, nr = 0.0
            for j in range { nx += z(x, j) * z(x, j); nb += z(b, j) * z(b, j); nr += z(r, j) * z(r, j) }
            nx = nx.squareRoot(); nb = nb.squareRoot(); nr = nr.squareRoot()
            for j in range {
                let contribution: Double
                switch settings.distance {
                case .cosineDelta:
                    guard nx > 0, nb > 0, nr > 0 else { continue }
                    contribution = z(x, j) * (z(b, j) / nb - z(r, j) / nr) / nx
                case .burrowsDelta:
                    contribution = (abs(z(x, j) - z(r, j)) - abs(z(x, j) - z(b, j))) / Double(range.count)
                }
                if contribution * factor > 0 { found.offer(j, contribution * factor) }
            }
        }
        return found.items.map { item in
            let unit = layout.family(of: item.index) == .style ? 1.0 : 1000.0
            return AttributionDriver(
                feature: layout.label(of: item.index), family: layout.family(of: item.index),
                textRate: vector.values[item.index] * unit, bestRate: centroids[best][item.index] * unit,
                runnerUpRate: centroids[runnerUp][item.index] * unit, contribution: item.contribution)
        }
    }

    // MARK: - Shared computations

    static func range(of family: FeatureFamily, in layout: FeatureLayout) -> Range<Int> {
        switch family {
        case .words: return layout.wordRange
        case .characters: return layout.characterRange
        case .style: return layout.styleRange
        }
    }

    /// Distances of `vector` to every centroid, one row per family.
    static func familyDistances(
        _ vector: FeatureVector, centroids: [[Double]], statistics: FeatureStatistics,
        families: [FeatureFamily], kind: DistanceKind
    ) -> [[Double]] {
        familyDistances(
            vector, inverseScales: statistics.inverseScales(wordTokens: vector.wordTokens, ngramTokens: vector.ngramTokens),
            centroids: centroids, statistics: statistics, families: families, kind: kind)
    }

    /// Distances of `vector` to every centroid, one row per family, with the text's scales already computed.
    static func familyDistances(
        _ vector: FeatureVector, inverseScales scales: [Double], centroids: [[Double]], statistics: FeatureStatistics,
        families: [FeatureFamily], kind: DistanceKind
    ) -> [[Double]] {
        families.map { family in
            let range = range(of: family, in: statistics.layout)
            return Delta.distances(
                kind, vector.values, to: centroids, mean: statistics.mean, inverseScales: scales, range: range)
        }
    }

    /// The weighted average of family distances, each divided by its spread between candidates.
    static func combine(_ distances: [[Double]], weights: [Double], scales: [Double]) -> [Double] {
        guard let first = distances.first else { return [] }
        var result = [Double](repeating: 0, count: first.count)
        let total = weights.reduce(0, +)
        guard total > 0 else { return result }
        for f in distances.indices where weights[f] > 0 {
            let factor = weights[f] / scales[f] / total
            for c in result.indices { result[c] += distances[f][c] * factor }
        }
        return result
    }

    static func argmin(_ values: [Double]) -> Int {
        var best = 0
        for index in values.indices where values[index] < values[best] { best = index }
        return best
    }
}
