import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Local model servers found by themselves: a fake Ollama on a test port (`VOICECLONE_LOCAL_PORTS`), `--provider
/// auto`, and no key ever offered to it.
@Suite struct ProviderDiscoveryTests {
    typealias F = GenerateFixtures

    /// A fake Ollama: its model list and a chat completion, in the real wire formats.
    static func fakeOllama() throws -> LoopbackHTTPServer {
        let server = try LoopbackHTTPServer()
        server.route("/v1/models", .json(#"{"object":"list","data":[{"id":"llama3.2:3b","object":"model","owned_by":"library"}]}"#))
        server.route("/v1/chat/completions", .openAIChat("The garlic went in late. It always does.", model: "llama3.2:3b"))
        return server
    }

    /// A port nothing listens on: one a server held a moment ago.
    static func closedPort() throws -> Int {
        let server = try LoopbackHTTPServer()
        let port = server.port
        server.stop()
        return port
    }

    @Test func autoUsesTheLocalServerWhenNoRemoteIsConfiguredAndSendsNoKey() async throws {
        let vault = try F.vault()
        let ollama = try Self.fakeOllama()
        defer { ollama.stop() }
        let ports = "vllm=\(try Self.closedPort()),ollama=\(ollama.port)"
        let ws = try F.workspace(vault, extra: ["OPENAI_API_KEY": "", "ANTHROPIC_API_KEY": "", "VOICECLONE_LOCAL_PORTS": ports])
        let report = try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "late garlic", provider: "auto", retry: .none))
        let result = try #require(report.results.first)
        #expect(result.piece.provider == "openai-compatible")
        #expect(result.piece.model == "llama3.2:3b")
        #expect(report.warnings.contains { $0.contains("--provider auto used the ollama server at http://127.0.0.1:\(ollama.port)/v1") })
        let chat = try #require(ollama.requests(to: "/v1/chat/completions").first)
        #expect(chat.jsonObject?["model"] as? String == "llama3.2:3b")
        #expect(chat.header("Authorization") == nil)
    }

    @Test func providersListsKeysWithoutValuesAndLocalServersAndNeverSendsAKeyToThem() throws {
        let vault = try F.vault()
        let ollama = try Self.fakeOllama()
        defer { ollama.stop() }
        let ws = try F.workspace(vault, extra: ["ANTHROPIC_API_KEY": "sk-ant-discovery-0123456789",
                                                "VOICECLONE_LOCAL_PORTS": "ollama=\(ollama.port),\(try Self.closedPort())"])
        let report = ws.providers.list()
        #expect(report.localServers.map(\.name) == ["ollama"])
        #expect(report.localServers.first?.models == ["llama3.2:3b"])
        #expect(report.probedPorts.count == 2)
        let openai = try #require(report.configured.first { $0.provider == "openai" })
        #expect(openai.keyPresent && openai.keySource == "OPENAI_API_KEY")
        let compatible = try #require(report.configured.first { $0.provider == "openai-compatible" })
        #expect(!compatible.keyPresent && !compatible.usable)
        #expect(report.auto.hasPrefix("openai"), "a configured remote provider comes first")
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!json.contains(F.openAIKey) && !json.contains("sk-ant-discovery"))
        // The probe carried no credentials, though two cloud keys were at hand.
        let probes = ollama.requests(to: "/v1/models")
        #expect(probes.count == 1)
        #expect(probes.allSatisfy { $0.header("Authorization") == nil && $0.header("x-api-key") == nil })
        let raw = probes.map { String(decoding: $0.body, as: UTF8.self) }.joined()
        #expect(!raw.contains("sk-"))
    }

    @Test func autoFallsBackToTheOfflineEngine() async throws {
        let vault = try F.vault()
        let ws = try F.workspace(vault, extra: ["OPENAI_API_KEY": "", "VOICECLONE_LOCAL_PORTS": "\(try Self.closedPort())"])
        let report = try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "late garlic", provider: "auto", seed: 3))
        #expect(report.results.first?.piece.provider == "local")
        #expect(report.warnings.contains { $0.contains("the offline engine") })
    }
}
