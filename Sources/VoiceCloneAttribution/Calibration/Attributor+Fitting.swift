import VoiceCloneText

/// What `Attributor` fits on its candidates' own held-out chunks before it attributes anything: the
/// profiles, the held-out chunks themselves, how far apart each feature family typically puts
/// candidates, how many of the most frequent words to use and (optionally) the family weights.
/// Everything is judged the same way: the log-likelihood of the true candidates once the probability
/// temperature is fitted.
extension Attributor {
    /// Centroids, within-candidate variances and z-score statistics over every feature of `data`.
    static func profiles(of data: TrainingData, settings: AttributionSettings) -> (
        centroids: [[Double]], within: [[Double]?], averages: (words: Double, ngrams: Double), statistics: FeatureStatistics
    ) {
        let centroids = ParallelMap.map(data.names.count) { data.centroid(of: $0) }
        let within = ParallelMap.map(data.names.count) { data.withinVariance(of: $0, centroid: centroids[$0]) }
        let averages = data.averageChunkTokens()
        let statistics = FeatureStatistics(
            centroids: centroids, withinVariances: within, averageWordTokens: averages.words,
            averageNgramTokens: averages.ngrams, layout: data.layout, lengthAdaptive: settings.lengthAdaptive)
        return (centroids, within, averages, statistics)
    }

    /// Per family, the root-mean-square spread of held-out distances around each case's mean: the
    /// family's typical gap between candidates, which puts families on one scale before they are averaged.
    static func familyScales(_ caseDistances: [[[Double]]], families: [FeatureFamily]) -> [Double] {
        var scales = [Double](repeating: 1, count: families.count)
        guard !caseDistances.isEmpty else { return scales }
        for f in families.indices {
            var sum = 0.0, count = 0.0
            for distances in caseDistances {
                let row = distances[f]
                let mean = row.reduce(0, +) / Double(row.count)
                for value in row { sum += (value - mean) * (value - mean); count += 1 }
            }
            let rms = (sum / max(count, 1)).squareRoot()
            scales[f] = rms > 1e-12 ? rms : 1
        }
        return scales
    }

    /// The word counts `fitWordCount` chooses from: every word the layout holds first, then half, a
    /// quarter and an eighth of `settings.mostFrequentWords` (never under 100). Only the first when the
    /// fit is off or there are too few held-out chunks to judge by.
    static func wordCountOptions(available: Int, cases: [HeldOutCase], settings: AttributionSettings) -> [Int] {
        guard settings.fitWordCount, settings.wordWeight > 0, fittingCases(cases).count >= 10 else { return [available] }
        return [available] + [2, 4, 8].map { settings.mostFrequentWords / $0 }.filter { $0 >= 100 && $0 < available }
    }

    /// Held-out chunks fitted on: those left out with their whole sample when there are enough, as in `fitWeights`.
    static func fittingCases(_ cases: [HeldOutCase]) -> [Int] {
        let cross = cases.indices.filter { cases[$0].crossSample }
        return cross.count >= 10 ? cross : Array(cases.indices)
    }

    /// For each held-out chunk and each word count, its family distances to every candidate (its own
    /// candidate without its sample). Only the word row differs between word counts, and the row for
    /// a count equals what a layout cut to that many words gives.
    static func heldOutDistances(
        _ cases: [HeldOutCase], wordCounts: [Int], centroids: [[Double]], statistics: FeatureStatistics,
        families: [FeatureFamily], kind: DistanceKind
    ) -> [[[[Double]]]] {
        let wordRow = families.firstIndex(of: .words)
        return ParallelMap.map(cases.count) { index in
            let item = cases[index]
            var adjusted = centroids
            adjusted[item.truth] = item.centroid
            let inverseScales = statistics.inverseScales(wordTokens: item.vector.wordTokens, ngramTokens: item.vector.ngramTokens)
            let rows = familyDistances(
                item.vector, inverseScales: inverseScales, centroids: adjusted, statistics: statistics,
                families: families, kind: kind)
            return wordCounts.enumerated().map { option, count in
                guard option > 0, let wordRow else { return rows }
                var cut = rows
                cut[wordRow] = Delta.distances(
                    kind, item.vector.values, to: adjusted, mean: statistics.mean, inverseScales: inverseScales,
                    range: 0..<count)
                return cut
            }
        }
    }

    /// Which of the word-count `options` to use (an index): the one that separates the held-out chunks
    /// best (log-likelihood after fitting the temperature, as `fitWeights` judges). Corpora differ: in
    /// long fiction the rarer words still carry style, while in a few dozen essays on shared subjects
    /// they mostly carry topic. Ties keep more words.
    static func fitWordCount(
        cases: [HeldOutCase], distances: [[[[Double]]]], options: [Int], families: [FeatureFamily],
        settings: AttributionSettings
    ) -> Int {
        guard options.count > 1 else { return 0 }
        let used = fittingCases(cases)
        let weights = families.map { settings.weight(of: $0) }
        return TemperatureFit.bestOption(options.count) { option in
            let rows = used.map { distances[$0][option] }
            let scales = familyScales(rows, families: families)
            return zip(used, rows).map { index, rows in
                (truth: cases[index].truth, distances: combine(rows, weights: weights, scales: scales))
            }
        } ?? 0
    }

    /// Chooses family weights by how well they separate the held-out chunks (log-likelihood after
    /// fitting the temperature), over a small grid with words fixed at 1. Chunks held out from a
    /// candidate with several samples are preferred: they test across samples, as real use does.
    static func fitWeights(
        cases: [HeldOutCase], distances: [[[Double]]], families: [FeatureFamily],
        scales: [Double], settings: AttributionSettings
    ) -> [Double] {
        let configured = families.map { settings.weight(of: $0) }
        let used = fittingCases(cases)
        guard settings.fitFamilyWeights, used.count >= 10, families.count > 1 else { return configured }
        let grid: [Double] = [0, 0.25, 0.5, 1, 2]
        var options: [[Double]] = [[]]
        for family in families {
            let values = family == .words ? [1.0] : grid
            options = options.flatMap { prefix in values.map { prefix + [$0] } }
        }
        options = options.filter { $0.reduce(0, +) > 0 }
        let best = TemperatureFit.bestOption(options.count) { option in
            used.map { index in
                (truth: cases[index].truth, distances: combine(distances[index], weights: options[option], scales: scales))
            }
        }
        return best.map { options[$0] } ?? configured
    }

    /// Held-out chunks for calibration: each chunk against its candidate's profile rebuilt without the
    /// chunk's whole sample (or without the chunk alone when the candidate has a single sample).
    static func heldOutCases(
        data: TrainingData, centroids: [[Double]], settings: AttributionSettings
    ) -> [HeldOutCase] {
        guard settings.calibrationChunks > 0 else { return [] }
        let dimension = data.layout.dimension
        let perCandidate = ParallelMap.map(data.chunks.count) { c -> [HeldOutCase] in
            let references = data.chunks[c]
            guard references.count >= 2 else { return [] }
            let total = centroids[c].map { $0 * Double(references.count) }
            let crossSample = Set(references.map(\.sample)).count >= 2
            var sampleSums: [Int: (sum: [Double], count: Int)] = [:]
            let picks = references.count <= settings.calibrationChunks
                ? Array(references.indices)
                : (0..<settings.calibrationChunks).map { $0 * references.count / settings.calibrationChunks }
            return picks.map { index in
                let reference = references[index]
                let vector = data.vector(c, reference)
                let removed: (sum: [Double], count: Int)
                if !crossSample {
                    removed = (vector.values, 1)
                } else if let cached = sampleSums[reference.sample] {
                    removed = cached
                } else {
                    let members = references.filter { $0.sample == reference.sample }
                    removed = (data.sum(c, members), members.count)
                    sampleSums[reference.sample] = removed
                }
                let remaining = Double(references.count - removed.count)
                let centroid = (0..<dimension).map { (total[$0] - removed.sum[$0]) / remaining }
                return HeldOutCase(truth: c, vector: vector, centroid: centroid, crossSample: crossSample)
            }
        }
        return perCandidate.flatMap { $0 }
    }
}
