import Foundation
import VoiceCloneGeneration
import VoiceCloneHTTP

/// What differs between the remote providers: the endpoint, the authentication headers, the JSON body and how a
/// reply is read. The flow around it is written once, below: validate, build the HTTP request, send or stream,
/// build the piece; and `--dry-run` shows that same HTTP request, its key redacted.
protocol RemoteWire: RemoteGenerationProvider {
    var url: String { get }
    func headers() -> HTTPHeaders
    func body(for request: GenerationRequest, streaming: Bool) -> JSONBody
    func validate(_ request: GenerationRequest) throws
    func parse(_ data: Data) throws -> RemoteReply
    func streamReply(_ http: HTTPRequest, cancellation: HTTPCancellation,
                     onText: (@Sendable (String) -> Void)?) throws -> RemoteReply
    /// Notes for the piece about this request (a setting the API ignores, say).
    func warnings(for request: GenerationRequest) -> [String]
}

extension RemoteWire {
    var transport: ProviderTransport { ProviderTransport(settings: settings) }

    /// The HTTP request `generate` sends and `--dry-run` shows.
    func httpRequest(for request: GenerationRequest, streaming: Bool) throws -> HTTPRequest {
        try validate(request)
        return transport.request(url: url, body: body(for: request, streaming: streaming), headers: headers(),
                                 streaming: streaming)
    }

    func send(_ request: GenerationRequest, onText: (@Sendable (String) -> Void)?) async throws -> GeneratedPiece {
        let streaming = onText != nil
        let http = try httpRequest(for: request, streaming: streaming)
        let reply = try await BlockingCall.run { [self] cancellation in
            streaming
                ? try streamReply(http, cancellation: cancellation, onText: onText)
                : try parse(try transport.send(http, cancellation: cancellation).body)
        }
        return try RemotePieceBuilder.piece(from: reply, request: request, provider: name, settings: settings,
                                            warnings: warnings(for: request))
    }

    /// The request as it would be sent: the same headers, with the key replaced by `[redacted]`.
    func prepare(_ request: GenerationRequest, streaming: Bool) throws -> PreparedRequest {
        let http = try httpRequest(for: request, streaming: streaming)
        let secret = settings.apiKey?.revealForHeader() ?? ""
        let shown = http.headers.fields.map { field in
            PreparedRequest.Header(name: field.name, value: secret.isEmpty || !field.value.contains(secret)
                ? field.value : field.value.replacingOccurrences(of: secret, with: "[redacted]"))
        }
        return PreparedRequest(provider: name, method: http.method, url: URLRedaction.redact(url), headers: shown,
                               body: body(for: request, streaming: streaming).serialized(pretty: true))
    }
}
