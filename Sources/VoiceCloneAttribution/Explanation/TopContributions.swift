/// The `limit` largest feature contributions, largest first (ties: lower feature index first), kept
/// while walking every feature. A text has thousands of features and only a handful are reported, so
/// this replaces sorting them all, which had become the largest cost of attributing a short text.
struct TopContributions {
    let limit: Int
    private(set) var items: [(index: Int, contribution: Double)] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        items.reserveCapacity(self.limit)
    }

    /// Keeps `(index, contribution)` if it is among the largest seen so far.
    @inline(__always)
    mutating func offer(_ index: Int, _ contribution: Double) {
        guard limit > 0 else { return }
        if items.count == limit, !Self.precedes(index, contribution, items[limit - 1]) { return }
        if items.count == limit { items.removeLast() }
        var position = items.count
        while position > 0 && Self.precedes(index, contribution, items[position - 1]) { position -= 1 }
        items.insert((index, contribution), at: position)
    }

    private static func precedes(_ index: Int, _ contribution: Double, _ other: (index: Int, contribution: Double)) -> Bool {
        contribution != other.contribution ? contribution > other.contribution : index < other.index
    }
}
