import Dispatch

/// Runs independent jobs on every core and returns their results in index order, so output never depends on
/// timing. One helper for every layer: the scanner's files, the analyzer's samples, attribution's texts.
public enum ParallelMap {
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot, so no two threads touch the same element.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { i in slots[i] = body(i) }
        }
        return results.map { $0! }
    }

    /// Like `map(_:_:)`, but starts the costliest jobs first (by `cost`), so one long job left for last does not
    /// keep a single core busy while the others idle. Results are still in index order.
    public static func map<T>(_ count: Int, cost: (Int) -> Int, _ body: @Sendable (Int) -> T) -> [T] {
        let order = (0..<count).sorted { a, b in
            let ca = cost(a), cb = cost(b)
            return ca != cb ? ca > cb : a < b
        }
        let done = map(count) { k in (order[k], body(order[k])) }
        var out = [T?](repeating: nil, count: count)
        for (index, value) in done { out[index] = value }
        return out.map { $0! }  // every index appears once in `order`
    }

    /// Maps items that may fail; the first error (in index order) is thrown after all have run.
    public static func map<T: Sendable, R>(_ items: [T], _ body: @Sendable (T) throws -> R) throws -> [R] {
        try map(items.count) { i in Result { try body(items[i]) } }.map { try $0.get() }
    }
}
