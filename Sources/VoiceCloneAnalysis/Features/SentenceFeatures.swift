/// Sentence shape: length, its spread and rhythm, questions and exclamations, and how sentences begin.
public struct SentenceFeatures: Codable, Sendable, Equatable {
    public var count: Int
    /// Words per sentence.
    public var meanLength: Double
    public var medianLength: Double
    public var standardDeviation: Double
    public var shortest: Int
    public var longest: Int
    public var percentiles: SentencePercentiles
    public var histogram: [LengthBin]
    /// (sd - mean) / (sd + mean) of sentence lengths (Goh & Barabasi 2008): -1 perfectly even, 0 random, towards 1 bursty.
    public var burstiness: Double
    /// Share of sentences ending in a question mark.
    public var questionShare: Double
    /// Share of sentences ending in an exclamation mark.
    public var exclamationShare: Double
    /// The most frequent first words of sentences, as a share of sentences.
    public var openers: [WordShare]

    init(_ c: CorpusCounts, openers top: Int) {
        let lengths = c.sentenceLengths.sorted()
        count = lengths.count
        let xs = lengths.map(Double.init)
        meanLength = Stats.mean(xs)
        medianLength = Stats.percentile(lengths, 0.5)
        standardDeviation = Stats.standardDeviation(xs)
        shortest = Int(lengths.first ?? 0)
        longest = Int(lengths.last ?? 0)
        percentiles = SentencePercentiles(
            p10: Stats.percentile(lengths, 0.1), p25: Stats.percentile(lengths, 0.25), p50: Stats.percentile(lengths, 0.5),
            p75: Stats.percentile(lengths, 0.75), p90: Stats.percentile(lengths, 0.9))
        let bounds = LengthBin.bounds
        var bins = [Int](repeating: 0, count: bounds.count)
        for l in lengths {
            var k = bounds.count - 1
            while k > 0 && Int(l) < bounds[k] { k -= 1 }
            bins[k] += 1
        }
        histogram = bounds.indices.map { k in
            LengthBin(from: bounds[k], to: k + 1 < bounds.count ? bounds[k + 1] - 1 : nil, share: Stats.share(bins[k], lengths.count))
        }
        let sd = standardDeviation, m = meanLength
        burstiness = sd + m > 0 ? (sd - m) / (sd + m) : 0
        questionShare = Stats.share(c.questions, count)
        exclamationShare = Stats.share(c.exclamations, count)
        let total = lengths.count
        openers = Stats.top(c.openerCounts, top).map { WordShare(word: $0.key, share: Stats.share($0.value, total)) }
    }
}
