import Dispatch

/// Runs independent jobs on all cores and returns their results in index order, so output never depends on timing.
enum ParallelMap {
    private final class Slots<T>: @unchecked Sendable {
        var items: [T?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
    }

    /// Like `map(_:_:)`, but starts the costliest jobs first (by `cost`), so one long job left for last does not
    /// keep a single core busy while the others idle. Results are still in index order.
    static func map<T>(_ count: Int, cost: (Int) -> Int, _ body: @Sendable (Int) -> T) -> [T] {
        let order = (0..<count).sorted { a, b in
            let ca = cost(a), cb = cost(b)
            return ca != cb ? ca > cb : a < b
        }
        let done = map(count) { k in (order[k], body(order[k])) }
        var out = [T?](repeating: nil, count: count)
        for (index, value) in done { out[index] = value }
        return out.compactMap { $0 }  // every index appears once in `order`
    }

    static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        // Each iteration writes only its own slot, so no two threads touch the same element.
        slots.items.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutableBufferPointerBox(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                base.buffer[i] = body(i)
            }
        }
        return slots.items.map { $0! }
    }

    private struct UnsafeMutableBufferPointerBox<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>
        init(_ b: UnsafeMutableBufferPointer<T?>) { buffer = b }
    }
}
