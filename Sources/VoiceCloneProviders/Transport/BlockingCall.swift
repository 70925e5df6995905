import Foundation
import VoiceCloneHTTP

/// Runs a blocking libcurl exchange on its own thread and ties it to Swift task cancellation.
///
/// `HTTPClient` blocks its caller; running it on the cooperative pool would starve other tasks for minutes
/// while a model writes. Cancelling the task (Ctrl-C in the CLI) sets the transfer's ``HTTPCancellation``,
/// which libcurl notices within a second.
enum BlockingCall {
    static func run<T: Sendable>(_ body: @escaping @Sendable (HTTPCancellation) throws -> T) async throws -> T {
        let cancellation = HTTPCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                if Task.isCancelled { cancellation.cancel() }
                let thread = Thread {
                    continuation.resume(with: Result { try body(cancellation) })
                }
                thread.name = "voiceclone.provider"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }
}
