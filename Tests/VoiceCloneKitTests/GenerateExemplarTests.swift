import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Exemplar-first prompts: whole samples of the kind of writing asked for, within the token budget, recorded as
/// the piece's provenance.
@Suite struct GenerateExemplarTests {
    typealias F = GenerateFixtures

    static func newsletter(_ n: Int, _ topic: String) -> String {
        """
        Hello, dear readers,

        This week the \(topic) came in, and I spent a long evening sorting them on the kitchen floor. It is slow \
        work. I don't mind it. There's a kind of quiet that only comes when your hands are busy and your head isn't.

        I kept thinking about my grandmother, who did the same thing every spring for forty years, and never once \
        wrote down what she planted where. She just knew. I write everything down and still forget.

        What do you keep in your head that you should write down?

        Until next week, with love, M.

        P.S. Issue \(n) of this letter went out late because of the \(topic). Forgive me.
        """
    }

    static let posts = [
        "Seed potatoes chitting on every windowsill. The cat is not impressed. #garden",
        "First frost tonight. Covered the dahlias with old sheets and hope. #frost",
    ]

    static func vault() throws -> TestVault {
        let vault = try TestVault()
        _ = try vault.workspace().clones.create(name: "Marguerite")
        for (i, topic) in ["seed packets", "garlic bulbs", "bare-root roses"].enumerated() {
            try vault.writeSample(clone: "marguerite", name: "letter-\(i).md",
                                  "---\ntitle: Letter \(i)\ncontent_type: newsletter\n---\n\n" + newsletter(i + 1, topic))
        }
        for (i, post) in posts.enumerated() {
            try vault.writeSample(clone: "marguerite", name: "post-\(i).md", "---\ncontent_type: social\n---\n\n" + post)
        }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        return vault
    }

    @Test func requestHoldsWholeExemplarsOfTheMatchingKindWithinBudget() async throws {
        let vault = try Self.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("Hello, dear readers,\n\nThe roses are in.\n\nUntil next week, with love, M."))
        let ws = try F.workspace(vault)
        var options = GenerateOptions(clone: "marguerite", platform: "newsletter", prompt: "planting bare-root roses",
                                      provider: "openai", baseURL: server.url("/v1"), save: true, retry: .none, now: Date(timeIntervalSince1970: 1_790_000_000))
        options.exemplarTokens = 600
        let report = try await ws.generation.generate(options)
        let body = try #require(server.requests.first?.jsonObject)
        let messages = try #require(body["messages"] as? [[String: String]])
        let system = try #require(messages[0]["content"]), user = try #require(messages[1]["content"])
        // The most relevant newsletter first, whole: greeting, closing question, sign-off and P.S. included.
        let roses = Self.newsletter(3, "bare-root roses")
        #expect(user.contains("<example source=\"letter-2\">\n" + roses + "\n</example>"), "\(user)")
        #expect(!user.contains("Seed potatoes"), "no social post stands in for a newsletter")
        // Within the 600-token budget: each letter is about 200 tokens, so at most 3 fit, and the posts never.
        let examples = user.components(separatedBy: "<example ").count - 1
        #expect((1...3).contains(examples))
        let exampleText = user.components(separatedBy: "</example>").dropLast().joined()
        #expect(exampleText.count / 4 <= 600 + 50)
        #expect(user.hasPrefix(examples == 3 ? "Three of Marguerite's own newsletters" : examples == 2 ? "Two of" : "One of"))

        // Habits for this piece, from the newsletters.
        #expect(system.contains("Opening: a greeting line, as in 3 of 3 newsletters: \"Hello, dear readers,\""), "\(system)")
        #expect(system.contains("Closing: a sign-off, as in 3 of 3 newsletters: \"Until next week, with love, M.\""))
        #expect(system.contains("P.S.: add one after the sign-off"))
        #expect(system.contains("End the body with a question to the reader"))
        #expect(system.contains("Emoji: none."))
        #expect(!system.contains("grade") && !system.contains("per 1,000 words"))

        // Provenance: --json and the saved piece name the examples.
        let result = try #require(report.results.first)
        #expect(result.exemplarSampleIDs.first == "letter-2")
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"exemplar_sample_ids\":[\"letter-2\""))
        let saved = try #require(result.saved)
        let file = try #require(vault.directory.read(saved.path))
        #expect(file.contains("exemplar_sample_ids:\n- letter-2"), "\(file)")
        let listed = try ws.library.entries().entries.first { $0.id == saved.id }
        #expect(listed?.exemplarSampleIDs?.first == "letter-2")
    }

    @Test func aSampleTooLongForTheBudgetGivesAWholeSection() async throws {
        let vault = try TestVault()
        _ = try vault.workspace().clones.create(name: "Rex")
        let section = { (title: String, word: String) in
            "## \(title)\n\n" + String(repeating: "The \(word) build took forty minutes, so I measured it. ", count: 12)
        }
        let long = "# Build notes\n\n" + section("Caching", "cache") + "\n\n" + section("Linking", "linker") + "\n\n"
            + section("Testing", "test")
        try vault.writeSample(clone: "rex", name: "long.md", "---\ncontent_type: blog\n---\n\n" + long)
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        var options = GenerateOptions(clone: "rex", platform: "blog", prompt: "why the linker is slow", provider: "openai",
                                      dryRun: true)
        options.exemplarTokens = 250
        let report = try await F.workspace(vault).generation.generate(options)
        let body = try #require(report.dryRun.first?.body)
        #expect(body.contains("## Linking"))
        #expect(!body.contains("## Caching") && !body.contains("## Testing"), "only the relevant section fits")
        #expect(report.exemplarSampleIDs == ["long"])
        #expect((report.promptTokens ?? 0) > 0)
    }
}
