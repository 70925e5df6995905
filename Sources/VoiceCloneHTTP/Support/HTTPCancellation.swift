import Foundation

/// A flag another thread (a Ctrl-C handler, a UI) sets to stop a transfer in progress.
///
/// The transfer checks it whenever bytes arrive and at least once a second while it waits,
/// so a cancelled transfer ends promptly even when the server is silent.
public final class HTTPCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
