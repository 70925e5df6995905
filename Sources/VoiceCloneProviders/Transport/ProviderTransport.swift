import Foundation
import VoiceCloneHTTP

/// The retry loop every remote provider shares: send, classify failures, wait and try again when it can help.
///
/// A streamed request is only retried while nothing has been handed to the caller: once text has been
/// shown, a second attempt would print it twice.
struct ProviderTransport: Sendable {
    let settings: RemoteProviderSettings
    var client = HTTPClient()

    /// A POST of `body` to `url` with the settings' timeouts.
    func request(url: String, body: JSONBody, headers: HTTPHeaders, streaming: Bool) -> HTTPRequest {
        var request = HTTPRequest.postJSON(url: url, body: Data(body.serialized().utf8), headers: headers)
        request.connectTimeout = settings.connectTimeout
        request.totalTimeout = settings.totalTimeout
        request.idleTimeout = settings.idleTimeout
        // API calls never need redirects; following one could send the key to another host.
        request.maxRedirects = 0
        request.maxBodyBytes = 16 * 1024 * 1024
        if streaming { request.headers.add("Accept", "text/event-stream") }
        return request
    }

    /// Sends `request` until it succeeds or fails for good; returns the 2xx response.
    func send(_ request: HTTPRequest, cancellation: HTTPCancellation) throws -> HTTPResponse {
        let classifier = ErrorClassifier(settings: settings, url: request.url)
        var attempt = 0
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                response = try client.send(request, cancellation: cancellation)
            } catch let error as HTTPError {
                throw classifier.classify(error)
            }
            if response.isSuccess { return response }
            try wait(after: response, attempt: attempt, classifier: classifier, cancellation: cancellation)
        }
    }

    /// What a streamed exchange produced: whether any event arrived, and the raw bytes when none did
    /// (a server that ignored `stream: true` and answered with one JSON document).
    struct StreamOutcome {
        var sawEvents: Bool
        var rawBody: Data
    }

    /// Streams `request`, handing each event to `onEvent`; return `false` from it to stop reading.
    func stream(_ request: HTTPRequest, cancellation: HTTPCancellation,
                onEvent: (SSEEvent) throws -> Bool) throws -> StreamOutcome {
        let classifier = ErrorClassifier(settings: settings, url: request.url)
        var attempt = 0
        while true {
            attempt += 1
            var parser = SSEParser()
            var sawEvents = false
            var stopped = false
            var handlerError: Error?
            var raw = Data()
            func deliver(_ events: [SSEEvent]) -> Bool {
                for event in events {
                    sawEvents = true
                    do {
                        if try !onEvent(event) {
                            stopped = true
                            return false
                        }
                    } catch {
                        handlerError = error
                        return false
                    }
                }
                return true
            }
            let response: HTTPResponse
            do {
                response = try client.stream(request, cancellation: cancellation) { chunk in
                    if !sawEvents && raw.count < 4 * 1024 * 1024 { raw.append(chunk) }
                    return deliver(parser.feed(chunk))
                }
            } catch let error as HTTPError {
                if let handlerError { throw handlerError }
                if stopped, case .cancelled = error { return StreamOutcome(sawEvents: true, rawBody: Data()) }
                throw classifier.classify(error)
            }
            if response.isSuccess {
                if !stopped {
                    _ = deliver(parser.finish())
                    if let handlerError { throw handlerError }
                }
                return StreamOutcome(sawEvents: sawEvents, rawBody: sawEvents ? Data() : raw)
            }
            try wait(after: response, attempt: attempt, classifier: classifier, cancellation: cancellation)
        }
    }

    /// Throws the classified error, or sleeps before the next try when the failure is passing.
    private func wait(after response: HTTPResponse, attempt: Int, classifier: ErrorClassifier,
                      cancellation: HTTPCancellation) throws {
        let (error, retryable) = classifier.classify(response, attempts: attempt)
        guard retryable, attempt < settings.retry.maxAttempts,
              let delay = settings.retry.delay(afterAttempt: attempt, retryAfter: RetryAfter.delay(for: response))
        else { throw error }
        try Self.sleep(delay, cancellation: cancellation, provider: settings.kind.rawValue)
    }

    /// Sleeps in short slices so Ctrl-C during a back-off ends the command at once.
    static func sleep(_ seconds: TimeInterval, cancellation: HTTPCancellation, provider: String) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if cancellation.isCancelled { throw ProviderError.cancelled(provider: provider) }
            Thread.sleep(forTimeInterval: min(0.05, max(0, deadline.timeIntervalSinceNow)))
        }
        if cancellation.isCancelled { throw ProviderError.cancelled(provider: provider) }
    }
}
