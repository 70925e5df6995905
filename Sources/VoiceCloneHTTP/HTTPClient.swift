import Foundation

/// A small synchronous HTTP client over libcurl, shared by URL import and the language-model providers.
///
/// Calls block the calling thread until the transfer ends: run them off the main actor (a detached task
/// or a thread). Each call uses its own curl handle, so one client may be used from many threads.
public struct HTTPClient: Sendable {
    public init() {}

    /// Performs the request and returns the whole response, whatever its status.
    ///
    /// Throws `HTTPError` for failures below HTTP (DNS, connect, timeout, redirects, size, cancellation);
    /// a 404 or 500 is a normal response, for the caller to interpret.
    public func send(_ request: HTTPRequest, cancellation: HTTPCancellation? = nil) throws -> HTTPResponse {
        try validate(request)
        let outcome = try CurlEasy.perform(request, cancellation: cancellation, onChunk: nil)
        return HTTPResponse(status: outcome.status, headers: outcome.headers, body: outcome.body, finalURL: outcome.finalURL)
    }

    /// Performs the request, handing each piece of a 2xx body to `onChunk` as it arrives (for server-sent events).
    ///
    /// Return `false` from `onChunk` to stop the transfer (it then throws `HTTPError.cancelled`). The
    /// returned response has an empty body when the status was 2xx; for any other status the body is
    /// collected whole instead, so callers can read the server's error message.
    public func stream(
        _ request: HTTPRequest,
        cancellation: HTTPCancellation? = nil,
        onChunk: (Data) -> Bool
    ) throws -> HTTPResponse {
        try validate(request)
        let outcome = try withoutActuallyEscaping(onChunk) { handler in
            try CurlEasy.perform(request, cancellation: cancellation, onChunk: handler)
        }
        return HTTPResponse(status: outcome.status, headers: outcome.headers, body: outcome.body, finalURL: outcome.finalURL)
    }

    /// Refuses bad URLs and schemes before any connection is made, with a message naming the URL.
    private func validate(_ request: HTTPRequest) throws {
        guard let parts = URLComponents(string: request.url), let scheme = parts.scheme?.lowercased() else {
            throw HTTPError.invalidURL(request.url)
        }
        guard request.allowedSchemes.contains(scheme) else {
            throw HTTPError.unsupportedScheme(url: request.url, scheme: scheme, allowed: request.allowedSchemes.sorted())
        }
        guard let host = parts.host, !host.isEmpty else { throw HTTPError.invalidURL(request.url) }
    }
}
