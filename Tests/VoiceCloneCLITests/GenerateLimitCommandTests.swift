import Foundation
import Testing
import VoiceCloneTestSupport

/// `generate` through the built binary: a piece still over a platform limit after the shortening request is
/// printed, not saved, and makes the exit status 1 unless `--allow-over-limit`.
@Suite struct GenerateLimitCommandTests {
    typealias G = GenerateTests

    @Test func overLimitExitsOneUnlessAllowed() throws {
        let (dir, vault, env) = try G.vault()
        defer { withExtendedLifetime(dir) {} }
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let long = String(repeating: "Garlic went in late, and the rain came anyway. ", count: 8)
        server.route("/v1/chat/completions", sequence: [.openAIChat(long), .openAIChat(long), .openAIChat(long), .openAIChat(long)])
        var withKey = env
        withKey["OPENAI_API_KEY"] = G.key
        let args = ["generate", "wren-hale", "--platform", "x", "--prompt", "garlic", "--provider", "openai",
                    "--base-url", server.url("/v1"), "--no-stream", "--save"]
        let refused = try CLI.run(args, vault: vault, environment: withKey)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stdout.contains("Garlic went in late"), "the text is printed")
        #expect(refused.stderr.contains("over the limit") && refused.stderr.contains("not saved"), "\(refused.stderr)")
        #expect(server.requests.count == 2)
        let library = (try? FileManager.default.contentsOfDirectory(atPath: vault.appendingPathComponent("library").path)) ?? []
        #expect(library.filter { $0.hasSuffix(".md") && $0 != "README.md" }.isEmpty, "nothing saved: \(library)")

        let allowed = try CLI.run(args + ["--allow-over-limit"], vault: vault, environment: withKey)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("saved to library/"))
    }
}
