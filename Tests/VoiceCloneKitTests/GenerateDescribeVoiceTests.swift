import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneProviders

/// `describeVoice` (for `analyze --with-llm`) and the credentials rules shared by every remote call.
@Suite struct GenerateDescribeVoiceTests {
    typealias F = GenerateFixtures

    @Test func describesTheVoiceAndKeepsOnlyRealQuotations() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let answer = """
            Here is the description:
            ```json
            {"tone": ["wry", "patient"], "attitude": ["self-deprecating"], "themes": ["garlic", "compost", "neighbours"],
             "dos": ["Short declarative sentences.", "Admit small failures."], "donts": ["No exclamation marks."],
             "evidence": ["I wish I were more like garlic.", "Gardening is my whole life and my only joy.",
                          "There's compost, and there’s showing up"]}
            ```
            """
        server.route("/v1/chat/completions", .openAIChat(answer, model: "gpt-describer"))
        let profile = try await F.workspace(vault).generation.describeVoice(DescribeVoiceOptions(
            clone: "Wren Hale", provider: "openai", baseURL: server.url("/v1"), retry: .none))
        #expect(profile.provider == "openai")
        #expect(profile.model == "gpt-describer")
        #expect(profile.tone == ["wry", "patient"])
        #expect(profile.themes.contains("compost"))
        #expect(profile.evidence == ["I wish I were more like garlic.", "There's compost, and there’s showing up"],
                "the invented quotation is dropped")

        let body = try #require(server.requests.first?.jsonObject)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages[0]["content"]?.contains("one JSON object") == true)
        #expect(messages[1]["content"]?.contains("I planted the garlic late again") == true)
        #expect(messages[1]["content"]?.contains("My neighbour grows dahlias") == true, "every sample is represented")
        #expect(body["temperature"] as? Double == 0.2)
    }

    @Test func unreadableDescriptionAndLocalProviderAreClearErrors() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("I would rather not say."))
        let error = await #expect(throws: ProviderError.self) {
            try await F.workspace(vault).generation.describeVoice(DescribeVoiceOptions(
                clone: "wren-hale", provider: "openai", baseURL: server.url("/v1"), retry: .none))
        }
        #expect(error?.localizedDescription.contains("no JSON object") == true)
        await #expect(throws: ProviderError.self) {
            try await vault.workspace().generation.describeVoice(DescribeVoiceOptions(clone: "wren-hale"))
        }
    }

    @Test func credentialsFileInsideTheVaultIsRefused() async throws {
        let vault = try F.vault()
        let file = try vault.directory.write("secrets/voiceclone/credentials.yaml", "openai:\n  api_key: sk-in-vault-123456\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let ws = try Workspace(vault: .init(root: vault.root), environment: ["XDG_CONFIG_HOME": vault.root.appendingPathComponent("secrets").path])
        let error = await #expect(throws: ProviderError.self) {
            try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", provider: "openai"))
        }
        #expect(error?.localizedDescription.contains("inside the vault") == true)
        #expect(error?.localizedDescription.contains("sk-in-vault") == false)
    }
}
