import Dispatch

/// Runs independent jobs on all cores and returns their results in index order, so output never depends on timing.
enum ParallelMap {
    private final class Slots<T>: @unchecked Sendable {
        var items: [T?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
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
