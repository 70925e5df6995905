/// Small numeric helpers shared by the features, written out so results are identical on every platform.
enum Stats {
    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }

    static func standardDeviation(_ xs: [Double]) -> Double {
        guard xs.count > 1 else { return 0 }
        let m = mean(xs)
        return (xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count)).squareRoot()
    }

    /// Linear-interpolated percentile (the common "type 7" definition) of sorted values.
    static func percentile(_ sorted: [Int32], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return Double(sorted[lo]) + (h - Double(lo)) * Double(sorted[hi] - sorted[lo])
    }

    /// The `n` largest counts by count, then key: the same as sorting everything and taking `n`, without sorting
    /// a whole vocabulary by string comparison (only entries tied with or above the n-th largest count are sorted).
    static func top(_ counts: [String: Int], _ n: Int) -> [(key: String, value: Int)] {
        guard n > 0, !counts.isEmpty else { return [] }
        var threshold = Int.min
        if counts.count > n {
            var values = Array(counts.values)
            values.sort(by: >)
            threshold = values[n - 1]
        }
        return counts.filter { $0.value >= threshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(n).map { $0 }
    }

    static func per1000(_ count: Int, _ words: Int) -> Double { words > 0 ? 1000 * Double(count) / Double(words) : 0 }

    static func share(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
}
