import Foundation
import Hummingbird

/// The outermost layer: turns every failure into problem details and writes one access-log line per request
/// (method, path without its query, status, duration): never the query (it may hold the token), headers or bodies.
struct FrontMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: AccessLog?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = ErrorStatus.problem(for: error).response()
        }
        log?.record(method: request.method.rawValue, path: request.uri.path, status: response.status.code,
                    duration: ContinuousClock.now - start)
        return response
    }
}

/// JSON lines on stderr (or the configured sink), one per request.
final class AccessLog: Sendable {
    let sink: (@Sendable (String) -> Void)?

    init(sink: (@Sendable (String) -> Void)? = nil) {
        self.sink = sink
    }

    func record(method: String, path: String, status: Int, duration: Duration) {
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        let line: [String: any Sendable] = [
            "time": ISO8601DateFormatter().string(from: Date()),
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": (milliseconds * 10).rounded() / 10,
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        if let sink {
            sink(String(decoding: data, as: UTF8.self))
        } else {
            FileHandle.standardError.write(data + Data("\n".utf8))
        }
    }
}
