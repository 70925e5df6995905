import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration

/// The writer's distribution of sentence lengths, as a cumulative distribution through the percentiles their DNA
/// records (shortest, p10, p25, p50, p75, p90, longest), linear between them.
struct LengthDistribution: Sendable, Equatable {
    /// (length in words, share of the writer's sentences at or below it), ascending.
    let points: [(x: Double, p: Double)]

    static func == (a: LengthDistribution, b: LengthDistribution) -> Bool {
        a.points.elementsEqual(b.points) { $0.x == $1.x && $0.p == $1.p }
    }

    init(points: [(x: Double, p: Double)]) {
        self.points = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.p < $1.p }
    }

    init(_ f: SentenceFeatures) {
        let q = f.percentiles
        let lo = Double(max(1, min(f.shortest, Int(q.p10))))
        let hi = Double(max(f.longest, Int(q.p90.rounded(.up))))
        self.init(points: [(lo, 0), (q.p10, 0.1), (q.p25, 0.25), (q.p50, 0.5), (q.p75, 0.75), (q.p90, 0.9), (hi, 1)])
    }

    /// Share of the writer's sentences of `x` words or fewer.
    func cdf(_ x: Double) -> Double {
        guard let first = points.first, x >= first.x else { return 0 }
        guard let k = points.lastIndex(where: { $0.x <= x }), k + 1 < points.count else { return 1 }
        let a = points[k], b = points[k + 1]
        return a.p + (b.p - a.p) * (x - a.x) / (b.x - a.x)
    }
}

/// Plans the splits and joins of a text against the writer's sentence-length distribution as a whole, not one
/// sentence at a time: an edit is worth making when it brings the text's distribution closer to the writer's.
///
/// Closeness is the Kolmogorov–Smirnov distance (the largest gap between the two cumulative distributions, over
/// whole word counts); the area between the two curves breaks ties, because one split rarely moves the largest
/// gap on its own (halving a 30-word sentence helps a writer of 6-word sentences only after several such halvings)
/// and a planner that looked only at the largest gap would stop at the first step.
struct LengthPlanner {
    let target: LengthDistribution

    struct Distance: Comparable {
        var ks: Double
        var area: Double
        static func < (a: Distance, b: Distance) -> Bool {
            abs(a.ks - b.ks) > 1e-9 ? a.ks < b.ks : a.area < b.area - 1e-9
        }
    }

    func distance(_ lengths: [Int]) -> Distance {
        guard !lengths.isEmpty else { return Distance(ks: 0, area: 0) }
        let sorted = lengths.sorted()
        let top = max(sorted.last!, Int(target.points.last?.x ?? 1))
        var ks = 0.0, area = 0.0, i = 0
        for x in 1...max(1, top) {
            while i < sorted.count, sorted[i] <= x { i += 1 }
            let gap = abs(Double(i) / Double(sorted.count) - target.cdf(Double(x)))
            ks = max(ks, gap)
            area += gap
        }
        return Distance(ks: ks, area: area)
    }
}
