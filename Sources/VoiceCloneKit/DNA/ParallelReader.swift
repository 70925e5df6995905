import Foundation

/// Reads many files on every core, keeping input order; the first error wins.
enum ParallelReader {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) throws -> [R] {
        let results = UnsafeMutableBufferPointer<Result<R, any Error>?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots[i] = Result { try body(items[i]) }
        }
        return try results.map { try $0!.get() }
    }
}
