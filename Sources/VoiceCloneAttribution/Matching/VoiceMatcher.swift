import Foundation
import VoiceCloneText

/// Scores how much a text sounds like one voice, 0–100, and lists the features that deviate most.
///
/// There is no competitor to compare against, so every feature is z-scored against the voice's own
/// chunk-to-chunk variation (at the text's length), the distance is the root-mean-square z per
/// family averaged over the families, and the score compares that distance with the distances of the
/// voice's own samples held out one at a time. Immutable after `init`, safe to share across threads.
public final class VoiceMatcher: Sendable {
    public let clone: String
    public let settings: AttributionSettings
    /// Warnings about the voice's samples (too little text, no held-out reference); repeated in every result.
    public let warnings: [AttributionWarning]
    /// Mean and spread of the held-out own-sample distances the score is measured against.
    public let typicalDistance: Double
    public let distanceSpread: Double

    let layout: FeatureLayout
    let statistics: FeatureStatistics
    let centroid: [Double]

    /// Scans the voice's raw samples and builds the matcher.
    public convenience init(clone: AttributionCandidate, settings: AttributionSettings = .standard) throws {
        try settings.validate()
        try self.init(scanned: ScannedCandidate(clone, settings: settings), settings: settings)
    }

    /// Builds the matcher from samples scanned earlier (with `settings.chunkWords`); same results as from texts.
    public init(scanned clone: ScannedCandidate, settings: AttributionSettings = .standard) throws {
        let data = try TrainingData(candidates: [clone], settings: settings)
        let layout = data.layout
        let centroid = data.centroid(of: 0)
        let within = data.withinVariance(of: 0, centroid: centroid)
        let averages = data.averageChunkTokens()
        let statistics = FeatureStatistics(
            centroids: [centroid], withinVariances: [within], averageWordTokens: averages.words,
            averageNgramTokens: averages.ngrams, layout: layout, lengthAdaptive: true)

        let cases = Attributor.heldOutCases(data: data, centroids: [centroid], settings: settings)
        let distances = cases.map { VoiceMatcher.distance($0.vector, centroid: $0.centroid, statistics: statistics) }
        var warnings: [AttributionWarning] = []
        if data.wordCounts[0] < 2 * settings.chunkWords {
            warnings.append(.thinCandidate(name: clone.name, words: data.wordCounts[0]))
        }
        if distances.count >= 2 {
            let mean = distances.reduce(0, +) / Double(distances.count)
            let variance = distances.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(distances.count - 1)
            typicalDistance = mean
            distanceSpread = max(variance.squareRoot(), 0.05 * mean, 1e-6)
        } else {
            // Without held-out samples assume what z-scores promise: about 1, give or take a quarter.
            typicalDistance = 1
            distanceSpread = 0.25
            warnings.append(.uncalibrated)
        }
        self.clone = clone.name
        self.settings = settings
        self.warnings = warnings
        self.layout = layout
        self.statistics = statistics
        self.centroid = centroid
    }

    /// Scores one text against the voice.
    public func match(_ text: String) -> VoiceMatch {
        var sink = VectorSink(layout: layout)
        StyleScanner.scan(text, chunkWords: Int.max, into: &sink)
        let vector = sink.chunks.first ?? FeatureVector(
            values: [Double](repeating: 0, count: layout.dimension), wordTokens: 0, ngramTokens: 0)
        let distance = VoiceMatcher.distance(vector, centroid: centroid, statistics: statistics)
        // On the ratio to the voice's own held-out distance, not a z-score: with a handful of samples the spread
        // of those distances is too small to trust, and a z-score turned every text into 0 or 100.
        // Own texts sit near ratio 1 (score ~95); 1.2 is the midpoint; other writers land at 1.3-2 and score low.
        let ratio = distance / max(typicalDistance, 1e-9)
        let score = Int((100 / (1 + exp((ratio - 1.2) / 0.07))).rounded())
        var warnings = self.warnings
        // Counted as people count words (the one counter for what they see), not as the feature scanner's tokens,
        // which split "well-rounded" in two: `rewrite` printed "74 words" here beside the detector's 72.
        let words = WordCount.count(text)
        if words < settings.shortTextWords {
            warnings.insert(.shortText(words: words, threshold: settings.shortTextWords), at: 0)
        }
        let deviations = self.deviations(vector)
        let style = deviations.filter { $0.family == .style }
        let vocabulary = deviations.filter { $0.family != .style }.prefix(max(settings.drivers, 0))
        return VoiceMatch(
            clone: clone, score: score, distance: distance, typicalDistance: typicalDistance,
            words: words, warnings: warnings, styleDeviations: style,
            vocabularyDeviations: Array(vocabulary))
    }

    /// Scores many texts in parallel, in the order given.
    public func match(_ texts: [String]) -> [VoiceMatch] {
        ParallelMap.map(texts.count) { self.match(texts[$0]) }
    }

    /// All features' z-deviations, largest magnitude first (ties by feature order).
    private func deviations(_ vector: FeatureVector) -> [FeatureDeviation] {
        let scales = statistics.inverseScales(wordTokens: vector.wordTokens, ngramTokens: vector.ngramTokens)
        var scored: [(index: Int, z: Double)] = []
        for j in 0..<layout.dimension {
            let z = (vector.values[j] - centroid[j]) * scales[j]
            if z != 0 || layout.family(of: j) == .style { scored.append((j, z)) }
        }
        scored.sort { abs($0.z) != abs($1.z) ? abs($0.z) > abs($1.z) : $0.index < $1.index }
        return scored.map(deviation(vector))
    }

    private func deviation(_ vector: FeatureVector) -> ((index: Int, z: Double)) -> FeatureDeviation {
        { item in
            let family = self.layout.family(of: item.index)
            let unit: Double = family == .style ? 1 : 1000
            var style: StyleFeature? = nil
            if family == .style { style = StyleFeature.allCases[item.index - self.layout.styleRange.lowerBound] }
            return FeatureDeviation(
                feature: self.layout.label(of: item.index), family: family, styleFeature: style,
                textRate: vector.values[item.index] * unit, cloneRate: self.centroid[item.index] * unit, z: item.z)
        }
    }

    /// Root-mean-square z per family, averaged over the families that have features.
    static func distance(_ vector: FeatureVector, centroid: [Double], statistics: FeatureStatistics) -> Double {
        let scales = statistics.inverseScales(wordTokens: vector.wordTokens, ngramTokens: vector.ngramTokens)
        var total = 0.0, families = 0.0
        for family in FeatureFamily.allCases {
            let range = Attributor.range(of: family, in: statistics.layout)
            guard !range.isEmpty else { continue }
            var sum = 0.0
            for j in range {
                let z = (vector.values[j] - centroid[j]) * scales[j]
                sum += z * z
            }
            total += (sum / Double(range.count)).squareRoot()
            families += 1
        }
        return families > 0 ? total / families : 0
    }
}
