import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Temperature per platform, documented in `PlatformTemperature`; `--temperature` overrides it.
@Suite struct GenerateTemperatureTests {
    typealias F = GenerateFixtures

    func sentTemperature(platform: String, temperature: Double? = nil, model: String? = nil) async throws -> Double? {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("Garlic, late again."))
        _ = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: platform, prompt: "late garlic", provider: "openai", model: model,
            baseURL: server.url("/v1"), temperature: temperature, retry: .none))
        let body = try #require(server.requests.first?.jsonObject)
        return body["temperature"] as? Double
    }

    @Test func eachPlatformSendsItsDefaultAndTheFlagOverridesIt() async throws {
        #expect(try await sentTemperature(platform: "x") == 0.9)
        #expect(try await sentTemperature(platform: "email") == 0.5)
        #expect(try await sentTemperature(platform: "blog") == 0.7)
        #expect(try await sentTemperature(platform: "x", temperature: 0.2) == 0.2)
        #expect(try await sentTemperature(platform: "x", model: "o3-mini") == nil, "reasoning models take no temperature")
    }
}
