import Foundation
import Testing
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

@Suite struct AnthropicProviderTests {
    typealias S = ProviderTestSupport

    @Test func nonStreamedRequestAndAnswer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/messages", .anthropicMessage("We shipped. It held.", model: "claude-test-1"))
        let provider = AnthropicProvider(settings: S.settings(.anthropic, server: server, key: S.anthropicKey))
        let piece = try await provider.generate(S.request(seed: nil), onText: nil)
        #expect(piece.text == "We shipped. It held.")
        #expect(piece.provider == "anthropic")
        #expect(piece.model == "claude-test-1")
        #expect(piece.warnings.isEmpty)

        let sent = try #require(server.requests(to: "/v1/messages").first)
        #expect(sent.header("x-api-key") == S.anthropicKey)
        #expect(sent.header("anthropic-version") == "2023-06-01")
        #expect(sent.header("Authorization") == nil)
        #expect(!sent.bodyText.contains(S.anthropicKey))
        let body = try #require(sent.jsonObject)
        #expect(body["model"] as? String == "test-model")
        #expect(body["system"] as? String == "You ghostwrite for Dana. Sentences average 9 words.")
        #expect((body["max_tokens"] as? Int ?? 0) > 0)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "Write about shipping the new release."]])
    }

    @Test func streamedEventsSplitAcrossChunks() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let fragments = ["We ", "shipped — ", "finally. ", "Ça marche."]
        server.route("/v1/messages", .anthropicStream(fragments, chunkSize: 3))
        let provider = AnthropicProvider(settings: S.settings(.anthropic, server: server, key: S.anthropicKey))
        let got = S.Fragments()
        let piece = try await provider.generate(S.request(), onText: { got.add($0) })
        #expect(got.all == fragments)
        #expect(piece.text == "We shipped — finally. Ça marche.")
        #expect(piece.warnings.contains { $0.contains("no seed") })
        #expect(server.requests.first?.jsonObject?["stream"] as? Bool == true)
    }

    @Test func errorEventInsideTheStream() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/messages", .anthropicStream(["One ", "two "], errorAfter: 1))
        let provider = AnthropicProvider(settings: S.settings(.anthropic, server: server, key: S.anthropicKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: { _ in }) }
        #expect(S.message(error!).contains("Overloaded"))
    }

    @Test func overloadedThenSuccessAndErrors() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/messages", sequence: [
            .anthropicError(529, type: "overloaded_error", message: "Overloaded"), .anthropicMessage("Fine now."),
        ])
        let provider = AnthropicProvider(settings: S.settings(.anthropic, server: server, key: S.anthropicKey))
        #expect(try await provider.generate(S.request(), onText: nil).text == "Fine now.")
        #expect(server.requests.count == 2)

        server.route("/v1/messages", .anthropicError(401, type: "authentication_error", message: "invalid x-api-key"))
        let denied = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(denied!).contains("ANTHROPIC_API_KEY"))

        server.route("/v1/messages", .anthropicError(404, type: "not_found_error", message: "model: claude-nope"))
        let unknown = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(unknown!).contains("does not know the model"))

        server.route("/v1/messages", .anthropicError(
            400, type: "invalid_request_error", message: "prompt is too long: 210000 tokens > 200000 maximum"))
        let long = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(long!).contains("too long"))
    }

    @Test func temperatureAboveOneIsRefused() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let provider = AnthropicProvider(settings: S.settings(.anthropic, server: server, key: S.anthropicKey))
        await #expect(throws: ProviderError.self) { try await provider.generate(S.request(temperature: 1.5), onText: nil) }
        #expect(server.requests.isEmpty)
    }

    @Test func dryRunRedactsTheKeyHeader() throws {
        let settings = RemoteProviderSettings(
            kind: .anthropic, model: "claude-sonnet-4-5", baseURL: "https://api.anthropic.com/",
            apiKey: APIKey(S.anthropicKey, source: "ANTHROPIC_API_KEY"))
        let prepared = try AnthropicProvider(settings: settings).preparedRequest(for: S.request(), streaming: true)
        #expect(prepared.url == "https://api.anthropic.com/v1/messages")
        #expect(prepared.headers.contains(.init(name: "x-api-key", value: "[redacted]")))
        #expect(prepared.headers.contains(.init(name: "anthropic-version", value: "2023-06-01")))
        #expect(!prepared.rendered.contains(S.anthropicKey))
        #expect(prepared.body.contains("\"stream\": true"))
    }
}
