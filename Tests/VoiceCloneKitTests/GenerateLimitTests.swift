import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// Hard character limits hold for a language model's answer: one shortening request quoting the limit and the
/// current length, then a piece still over it is returned but not saved.
@Suite struct GenerateLimitTests {
    typealias F = GenerateFixtures

    static let long = String(repeating: "The garlic went in late again, and the rain came anyway, as it always does. ", count: 7)
        .trimmingCharacters(in: .whitespaces)

    @Test func overLimitAnswerGetsOneShorteningRequestThenIsNotSaved() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let stillLong = String(Self.long.prefix(400))
        server.route("/v1/chat/completions", sequence: [.openAIChat(Self.long), .openAIChat(stillLong), .openAIChat("unused")])
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "x", prompt: "late garlic", provider: "openai", baseURL: server.url("/v1"),
            save: true, retry: .none))
        #expect(server.requests.count == 2, "exactly one shortening request")
        let result = try #require(report.results.first)
        #expect(result.overLimit)
        #expect(result.piece.text == stillLong, "the shortened answer is what is returned")
        #expect(result.saved == nil, "a piece over the limit is not saved")
        #expect(result.piece.warnings.contains { $0.hasPrefix("Not saved:") })
        let record = try #require(result.shortened)
        #expect(record.fromChars == Self.long.count && record.toChars == 400 && !record.fits)
        #expect(try vault.git("status", "--porcelain").isEmpty)
        #expect(try !vault.git("log", "--oneline").contains("library:"))

        // The follow-up carries the draft as the model's turn and quotes the limit and the current length.
        let second = try #require(server.requests.last?.jsonObject)
        let messages = try #require(second["messages"] as? [[String: String]])
        #expect(messages.count == 4)
        #expect(messages[2]["role"] == "assistant" && messages[2]["content"] == Self.long)
        let ask = try #require(messages[3]["content"])
        #expect(ask.contains("the post is \(Self.long.count) characters; the limit is 280"), "\(ask)")
        #expect(ask.contains("at most 280 characters"))

        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"over_limit\":true") && json.contains("\"from_chars\":\(Self.long.count)"))

        // --allow-over-limit saves it anyway.
        server.route("/v1/chat/completions", sequence: [.openAIChat(Self.long), .openAIChat(stillLong)])
        var allow = GenerateOptions(clone: "wren-hale", platform: "x", prompt: "late garlic", provider: "openai",
                                    baseURL: server.url("/v1"), save: true, retry: .none)
        allow.allowOverLimit = true
        let allowed = try await F.workspace(vault).generation.generate(allow)
        #expect(allowed.results[0].overLimit && allowed.results[0].saved != nil)
    }

    @Test func anthropicAnswerThatFitsAfterShorteningIsSaved() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let post1 = "1/2 Garlic went in late. " + String(repeating: "Rain, again, and mud to the knees. ", count: 9)
        let thread = post1 + "\n\n2/2 It will be fine."
        let fits = "1/2 Garlic went in late. Rain again.\n\n2/2 It will be fine. It always is."
        server.route("/v1/messages", sequence: [.anthropicMessage(thread), .anthropicMessage(fits)])
        let ws = try F.workspace(vault, extra: ["ANTHROPIC_API_KEY": "sk-ant-limit-0123456789"])
        let report = try await ws.generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "x", prompt: "late garlic", provider: "anthropic", baseURL: server.url(""),
            threadPosts: 2, save: true, retry: .none))
        #expect(server.requests.count == 2)
        let result = try #require(report.results.first)
        #expect(!result.overLimit && result.shortened?.fits == true)
        #expect(result.saved != nil)
        let body = try #require(server.requests.last?.jsonObject)
        let messages = try #require(body["messages"] as? [[String: Any]])
        let ask = String(describing: messages.last?["content"] ?? "")
        #expect(ask.contains("post 1 is \(post1.trimmingCharacters(in: .whitespaces).count) characters; the limit is 280"), "\(ask)")
        #expect(ask.contains("exactly 2 numbered posts"))
    }

    @Test func aThreadWrittenAsOneBlockIsSplitAtSentenceEnds() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat(Self.long))
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "x", prompt: "late garlic", provider: "openai", baseURL: server.url("/v1"),
            threadPosts: 3, retry: .none))
        #expect(server.requests.count == 1, "the split posts fit: no shortening request")
        let result = try #require(report.results.first)
        let posts = result.piece.text.components(separatedBy: "\n\n")
        #expect(posts.count == 3 && posts[0].hasPrefix("1/3 ") && posts[2].hasPrefix("3/3 "))
        #expect(posts.allSatisfy { $0.count <= 280 && $0.hasSuffix(".") })
        #expect(!result.overLimit && result.piece.checks.contains { $0.name == "posts" && $0.passed })
    }

    @Test func answerWithinTheLimitSendsNoFollowUp() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("Garlic in late. Again."))
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "x", prompt: "late garlic", provider: "openai", baseURL: server.url("/v1"),
            retry: .none))
        #expect(server.requests.count == 1)
        #expect(report.results[0].shortened == nil && !report.results[0].overLimit)
    }
}
