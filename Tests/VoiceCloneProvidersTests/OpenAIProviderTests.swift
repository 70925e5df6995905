import Foundation
import Testing
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

@Suite struct OpenAIProviderTests {
    typealias S = ProviderTestSupport

    @Test func nonStreamedRequestAndAnswer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("Shipped it. Latency fell.", model: "gpt-test-2025"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let piece = try await provider.generate(S.request(), onText: nil)
        #expect(piece.text == "Shipped it. Latency fell.")
        #expect(piece.provider == "openai")
        #expect(piece.model == "gpt-test-2025")
        #expect(piece.seed == 42)

        let sent = try #require(server.requests(to: "/v1/chat/completions").first)
        #expect(sent.method == "POST")
        #expect(sent.header("Authorization") == "Bearer \(S.openAIKey)")
        #expect(sent.header("x-api-key") == nil)
        #expect(sent.header("Content-Type") == "application/json")
        let body = try #require(sent.jsonObject)
        #expect(body["model"] as? String == "test-model")
        #expect(body["temperature"] as? Double == 0.7)
        #expect(body["seed"] as? Int == 42)
        #expect(body["stream"] == nil)
        #expect((body["max_completion_tokens"] as? Int ?? 0) >= 256)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages[1]["content"] == "Write about shipping the new release.")
        // The key travels in its header and nowhere else.
        #expect(!sent.bodyText.contains(S.openAIKey))
        #expect(sent.target == "/v1/chat/completions")
    }

    @Test func streamedEventsSplitAcrossChunks() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let fragments = ["Shipped ", "it — fi", "nally. ", "Latency fell ", "by half."]
        server.route("/v1/chat/completions", .openAIStream(fragments, chunkSize: 5, lineEnding: "\r\n"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let got = S.Fragments()
        let piece = try await provider.generate(S.request(), onText: { got.add($0) })
        #expect(got.all == fragments)
        #expect(piece.text == fragments.joined().trimmingCharacters(in: .whitespaces))
        let body = try #require(server.requests.first?.jsonObject)
        #expect(body["stream"] as? Bool == true)
        #expect(server.requests.first?.header("Accept") == "text/event-stream")
    }

    @Test func streamCutBeforeTheEndIsAnError() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIStream(["Half a sent"], done: false))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: { _ in }) }
        #expect(S.message(error!).contains("ended early"))
    }

    @Test func unauthorizedNamesTheKeySourceButNotTheKey() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIError(
            401, message: "Incorrect API key provided: \(S.openAIKey). You can find your API key at ...",
            code: "invalid_api_key"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        let message = S.message(error!)
        #expect(message.contains("401"))
        #expect(message.contains("OPENAI_API_KEY"))
        #expect(!message.contains(S.openAIKey))
        #expect(!message.contains("0123456789abcdef"))
        #expect(server.requests.count == 1, "401 is not retried")
    }

    @Test func rateLimitHonoursRetryAfterThenSucceeds() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", sequence: [
            .openAIError(429, message: "Rate limit reached", code: "rate_limit_exceeded").with(header: "Retry-After", "1"),
            .openAIChat("After the wait."),
        ])
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let started = Date()
        let piece = try await provider.generate(S.request(), onText: nil)
        #expect(piece.text == "After the wait.")
        #expect(server.requests.count == 2)
        // The base delay is 10 ms; only the header explains waiting a second.
        #expect(Date().timeIntervalSince(started) >= 0.9)
    }

    @Test func retryAfterLongerThanAcceptedFailsAtOnce() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions",
                     .openAIError(429, message: "slow down", code: nil).with(header: "Retry-After", "3600"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("wait 3600 s"))
        #expect(server.requests.count == 1)
    }

    @Test func quotaExhaustedIsNotRetried() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIError(
            429, message: "You exceeded your current quota", code: "insufficient_quota"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("no quota"))
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorThenSuccess() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", sequence: [
            .openAIError(500, message: "internal", type: "server_error"), .openAIError(503, message: "busy"),
            .openAIStream(["Third time lucky."]),
        ])
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let piece = try await provider.generate(S.request(), onText: { _ in })
        #expect(piece.text == "Third time lucky.")
        #expect(server.requests.count == 3)
    }

    @Test func persistentServerErrorGivesUpAfterMaxAttempts() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIError(502, message: "bad gateway"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("HTTP 502 after 3 tries"))
        #expect(server.requests.count == 3)
    }

    @Test func stalledServerTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .stall(10))
        let provider = OpenAIProvider(settings: S.settings(
            .openai, server: server, key: S.openAIKey, retry: .none, totalTimeout: 1.5, idleTimeout: 1))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("did not answer within"))
    }

    @Test func stalledStreamTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        var response = LoopbackResponse.openAIStream(["Begin"], done: false)
        response.parts.append(.pause(8))
        server.route("/v1/chat/completions", response)
        let provider = OpenAIProvider(settings: S.settings(
            .openai, server: server, key: S.openAIKey, retry: .none, totalTimeout: 20, idleTimeout: 1))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: { _ in }) }
        #expect(S.message(error!).contains("did not answer within"))
    }

    @Test func malformedJSON() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .json("{\"choices\": [ {\"message\": "))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("could not be read"))

        server.route("/v1/chat/completions", .json("{\"choices\": []}"))
        let second = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(second!).contains("no \"choices\""))

        server.route("/v1/chat/completions", .sse(["data: {not json}\n\n"]))
        let third = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: { _ in }) }
        #expect(S.message(third!).contains("not JSON"))
    }

    @Test func unknownModelAndContextTooLong() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIError(
            404, message: "The model `gpt-nope` does not exist or you do not have access to it.", code: "model_not_found"))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey, model: "gpt-nope"))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(error == .unknownModel(provider: "openai", model: "gpt-nope",
                                       message: "The model `gpt-nope` does not exist or you do not have access to it."))
        #expect(S.message(error!).contains("--model"))

        server.route("/v1/chat/completions", .openAIError(
            400, message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
            code: "context_length_exceeded"))
        let long = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(long!).contains("too long"))
        #expect(S.message(long!).contains("shorter"))
    }

    @Test func wrongBaseURLIsNotCalledAnUnknownModel() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey, path: "/wrong"))
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("was not found"))
        #expect(S.message(error!).contains("base URL"))
    }

    @Test func compatibleServerWithoutKeySendsNoAuthorization() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        // Ollama's error shape is a bare string.
        server.route("/v1/chat/completions", .json("{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}", status: 404))
        let provider = OpenAIProvider.compatible(baseURL: server.url("/v1"), model: "llama9", retry: .none)
        let error = await #expect(throws: ProviderError.self) { try await provider.generate(S.request(), onText: nil) }
        #expect(S.message(error!).contains("does not know the model \"llama9\""))
        let sent = try #require(server.requests.first)
        #expect(sent.header("Authorization") == nil)
        #expect(sent.jsonObject?["max_tokens"] != nil)
        #expect(sent.jsonObject?["max_completion_tokens"] == nil)

        server.route("/v1/chat/completions", .openAIChat("Local words."))
        let piece = try await provider.generate(S.request(), onText: nil)
        #expect(piece.provider == "openai-compatible")
    }

    @Test func serverThatIgnoresStreamingStillWorks() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("Whole answer at once."))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        let got = S.Fragments()
        let piece = try await provider.generate(S.request(), onText: { got.add($0) })
        #expect(piece.text == "Whole answer at once.")
        #expect(got.all == ["Whole answer at once."])
    }

    @Test func cancellationStopsAStalledRequest() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .stall(20))
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey, totalTimeout: 30, idleTimeout: 30))
        let task = Task { try await provider.generate(S.request(), onText: nil) }
        try await Task.sleep(nanoseconds: 300_000_000)
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("a cancelled request returned a piece")
            return
        }
        #expect(error as? ProviderError == .cancelled(provider: "openai"))
    }

    @Test func dryRunShowsTheBodyAndRedactsTheKey() throws {
        let settings = RemoteProviderSettings(
            kind: .openai, model: "gpt-4.1-mini", baseURL: "https://api.openai.com/v1",
            apiKey: APIKey(S.openAIKey, source: "OPENAI_API_KEY"))
        let prepared = try OpenAIProvider(settings: settings).preparedRequest(for: S.request(), streaming: false)
        #expect(prepared.url == "https://api.openai.com/v1/chat/completions")
        #expect(prepared.headers.contains(.init(name: "Authorization", value: "Bearer [redacted]")))
        #expect(!prepared.rendered.contains(S.openAIKey))
        #expect(prepared.body.contains("\"temperature\": 0.7"))
        #expect(prepared.body.contains("Write about shipping the new release."))
        // Same request, same bytes.
        #expect(try OpenAIProvider(settings: settings).preparedRequest(for: S.request(), streaming: false) == prepared)
        #expect(!String(describing: settings.apiKey!).contains("sk-"))
        #expect(!String(reflecting: settings).contains(S.openAIKey))
    }

    @Test func temperatureOutOfRangeIsRefusedBeforeSending() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let provider = OpenAIProvider(settings: S.settings(.openai, server: server, key: S.openAIKey))
        await #expect(throws: ProviderError.self) { try await provider.generate(S.request(temperature: 2.5), onText: nil) }
        #expect(server.requests.isEmpty)
    }
}
