import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault

/// Generation streamed from a (loopback, fake) language-model server, and what the access log may contain.
@Suite struct StreamingAndLogTests {
    @Test func generationStreamsAProviderAnswerAsServerSentEvents() async throws {
        let model = try LoopbackHTTPServer()
        defer { model.stop() }
        model.route("/v1/chat/completions", .openAIStream(["The garlic ", "went in late. ", "It always does."], model: "llama3"))
        let server = try await ServerHarness.start { $0.environment["OPENAI_BASE_URL"] = model.url("/v1") }
        defer { Task { await server.stop() } }
        try server.addTwoWriters()

        let reply = try await server.post("/api/clones/terse-tom/generate",
                                          json: ["prompt": "garlic", "provider": "openai-compatible", "model": "llama3", "save": true],
                                          headers: [("Accept", "text/event-stream")])
        #expect(reply.status == 200)
        let events = reply.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        let texts = events.filter { $0.hasPrefix("event: text\n") }
        #expect(texts.count == 3)
        #expect(texts.first?.contains(#""text":"The garlic ""#) == true)
        let result = try #require(events.last)
        #expect(result.hasPrefix("event: result\n"))
        #expect(result.contains(#""provider":"openai-compatible""#))
        #expect(result.contains("The garlic went in late. It always does."))
        #expect(try server.vault.workspace().library.entries().entries.first?.provider == "openai-compatible")
        #expect(model.requests.first?.jsonObject?["stream"] as? Bool == true)
    }

    @Test func providersSayWhetherAKeyIsSetButNeverShowIt() async throws {
        let key = "sk-serve-test-SECRET-0123456789"
        let server = try await ServerHarness.start { $0.environment["OPENAI_API_KEY"] = key }
        defer { Task { await server.stop() } }
        let reply = try await server.get("/api/providers")
        #expect(reply.status == 200, "\(reply.text)")
        #expect(!reply.text.contains(key))
        let object = try reply.object()
        #expect(object["default_provider"] as? String == "local")
        let providers = try #require(object["providers"] as? [[String: Any]])
        let openai = try #require(providers.first { $0["name"] as? String == "openai" })
        #expect(openai["key_present"] as? Bool == true)
        let anthropic = try #require(providers.first { $0["name"] as? String == "anthropic" })
        #expect(anthropic["key_present"] as? Bool == false)
        #expect(anthropic["usable"] as? Bool == false)
    }

    @Test func stoppingLetsARunningJobFinishAndLeavesTheVaultUnlocked() async throws {
        let server = try await ServerHarness.start()
        try server.addTwoWriters()
        let accepted = try await server.client.send("POST", "/api/clones/terse-tom/analyze", headers: [server.bearer])
        #expect(accepted.status == 202)
        await server.stop()
        #expect(try server.vault.workspace().dna.versions(of: "terse-tom") == [1])
        #expect(try server.vault.git("status", "--porcelain").isEmpty)
        let lock = try VaultLock(vault: Vault(root: server.vault.root), timeout: 0)
        withExtendedLifetime(lock) {}
    }

    @Test func theAccessLogHasMethodPathStatusAndDurationButNeverTheTokenOrQuery() async throws {
        let lines = LineCollector()
        let server = try await ServerHarness.start {
            $0.quiet = false
            $0.accessLogSink = { lines.append($0) }
        }
        defer { Task { await server.stop() } }
        _ = try await server.client.send("GET", "/?token=\(server.token)")
        _ = try await server.get("/api/clones?secret=query")
        _ = try await server.client.send("GET", "/api/clones")
        let logged = lines.all
        #expect(logged.count == 3)
        for line in logged {
            #expect(!line.contains(server.token))
            #expect(!line.contains("secret"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["time", "method", "path", "status", "duration_ms"])
        }
        #expect(logged[1].contains(#""path":"/api/clones""#) && logged[1].contains(#""status":200"#))
        #expect(logged[2].contains(#""status":401"#))
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
