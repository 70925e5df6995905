/// The reference mean and spread used to z-score every feature.
///
/// The mean is the average of the candidates' means, and the variance is the average within-candidate
/// chunk variance plus the variance of the candidate means, so every candidate counts equally however
/// much text it has. Because a rate measured over `n` tokens carries binomial noise of about `p/n`,
/// the variance is split into a part that is real variation between chunks and a sampling part, and
/// `inverseScales(for:)` rebuilds the spread expected at a given text's length.
struct FeatureStatistics: Sendable {
    let mean: [Double]
    /// Variance at the training chunk length.
    let variance: [Double]
    /// Variance with the sampling noise of a training chunk removed (floored at a share of `variance`).
    let realVariance: [Double]
    let layout: FeatureLayout
    let lengthAdaptive: Bool
    /// Words in an average training chunk; style rates of shorter texts are averages over fewer
    /// words and sentences, so their variance is scaled up by this over the text's words.
    let averageWordTokens: Double

    init(centroids: [[Double]], withinVariances: [[Double]?], averageWordTokens: Double,
         averageNgramTokens: Double, layout: FeatureLayout, lengthAdaptive: Bool) {
        let dimension = layout.dimension
        let count = Double(centroids.count)
        var mean = [Double](repeating: 0, count: dimension)
        for centroid in centroids { for j in 0..<dimension { mean[j] += centroid[j] / count } }
        var between = [Double](repeating: 0, count: dimension)
        for centroid in centroids {
            for j in 0..<dimension {
                let d = centroid[j] - mean[j]
                between[j] += d * d / count
            }
        }
        let known = withinVariances.compactMap { $0 }
        var within = [Double](repeating: 0, count: dimension)
        for variance in known { for j in 0..<dimension { within[j] += variance[j] / Double(known.count) } }
        var variance = [Double](repeating: 0, count: dimension)
        var real = [Double](repeating: 0, count: dimension)
        for j in 0..<dimension {
            let tokens: Double
            switch layout.family(of: j) {
            case .words: tokens = averageWordTokens
            case .characters: tokens = averageNgramTokens
            case .style: tokens = .infinity
            }
            let sampling = tokens.isFinite && tokens > 0 ? mean[j] / tokens : 0
            // With a single chunk per candidate there is no within variance: assume sampling noise.
            let total = between[j] + (known.isEmpty ? sampling : within[j])
            variance[j] = total
            real[j] = max(total - sampling, 0.2 * total)
        }
        self.mean = mean
        self.variance = variance
        self.realVariance = real
        self.layout = layout
        self.lengthAdaptive = lengthAdaptive
        self.averageWordTokens = averageWordTokens
    }

    /// 1/σ for each feature for a text with these token counts (0 for features that never vary).
    /// Computed for every text attributed, so it walks each family's range directly.
    func inverseScales(wordTokens: Int, ngramTokens: Int) -> [Double] {
        let words = Double(max(wordTokens, 1))
        let ngrams = Double(max(ngramTokens, 1))
        let styleFactor = max(1, averageWordTokens / words)
        let lengthAdaptive = self.lengthAdaptive
        return [Double](unsafeUninitializedCapacity: mean.count) { result, initialized in
            mean.withUnsafeBufferPointer { mean in
                variance.withUnsafeBufferPointer { variance in
                    realVariance.withUnsafeBufferPointer { real in
                        @inline(__always) func store(_ j: Int, _ v: Double) {
                            result[j] = v > 1e-18 ? 1 / v.squareRoot() : 0
                        }
                        guard lengthAdaptive else {
                            for j in 0..<mean.count { store(j, variance[j]) }
                            return
                        }
                        for j in layout.wordRange { store(j, real[j] + mean[j] / words) }
                        for j in layout.characterRange { store(j, real[j] + mean[j] / ngrams) }
                        for j in layout.styleRange { store(j, variance[j] * styleFactor) }
                    }
                }
            }
            initialized = mean.count
        }
    }
}
