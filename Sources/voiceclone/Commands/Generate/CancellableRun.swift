import Foundation

/// Runs async library work from a synchronous command and turns Ctrl-C into task cancellation.
///
/// Providers hand cancellation to libcurl, so Ctrl-C during a slow model stops the transfer at once and the
/// command exits 130 without writing anything (no half-saved library file, nothing committed).
enum CancellableRun {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let task = Task { try await body() }
        let interrupted = Flag()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            interrupted.set()
            task.cancel()
        }
        source.resume()
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        let done = DispatchSemaphore(value: 0)
        let box = Box<Result<T, Error>>()
        Task {
            box.value = await task.result
            done.signal()
        }
        done.wait()
        if interrupted.isSet {
            Output.error("voiceclone: cancelled; nothing was saved.")
            throw ExitCodeError.interrupted
        }
        return try box.value!.get()
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    final class Box<V>: @unchecked Sendable {
        var value: V?
    }
}

/// 130, the shell's code for "stopped by Ctrl-C".
enum ExitCodeError: Error {
    case interrupted
}
