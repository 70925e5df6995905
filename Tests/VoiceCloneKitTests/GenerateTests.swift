import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneVault
import VoiceCloneGeneration
import VoiceCloneProviders

@Suite struct GenerateTests {
    typealias F = GenerateFixtures
    static let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func localIsTheDefaultAndSameSeedGivesSameText() async throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        // The n-gram remixer, kept as `--engine remix`; the notes drafter has its own tests (NotesDraftGenerateTests).
        let options = GenerateOptions(clone: "Wren Hale", platform: "linkedin", prompt: "garlic and patience", seed: 11)
            .withEngine(.remix)
        let first = try await ws.generation.generate(options)
        let second = try await vault.workspace().generation.generate(options)
        #expect(first.results.count == 1)
        let piece = first.results[0]
        #expect(piece.piece.provider == "local")
        #expect(piece.piece.text == second.results[0].piece.text)
        #expect(piece.piece.seed == 11)
        #expect(piece.dnaVersion == nil)
        #expect(piece.piece.warnings.contains { $0.contains("no Voice DNA yet") })
        #expect(piece.piece.checks.contains { $0.name == "max_chars" && $0.passed })
        #expect((piece.piece.longestCopiedRun ?? 99) < 12)
        #expect(piece.voiceMatch != nil)

        _ = try ws.dna.analyze("wren-hale")
        let analysed = try await vault.workspace().generation.generate(options)
        #expect(analysed.results[0].dnaVersion == 1)
        #expect(!analysed.results[0].piece.warnings.contains { $0.contains("no Voice DNA yet") })
    }

    @Test func variantsDifferAndStreamInOrder() async throws {
        let vault = try F.vault()
        final class Log: @unchecked Sendable {
            let lock = NSLock(); var items: [(Int, String)] = []
            func add(_ i: Int, _ s: String) { lock.lock(); items.append((i, s)); lock.unlock() }
        }
        let log = Log()
        let report = try await vault.workspace().generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "compost", variants: 2, seed: 5, onText: { log.add($0, $1) }).withEngine(.remix))
        #expect(report.results.map(\.variant) == [1, 2])
        #expect(report.results.map(\.piece.seed) == [5, 6])
        #expect(report.results[0].piece.text != report.results[1].piece.text)
        #expect(log.items.filter { $0.0 == 0 }.map(\.1).joined() == report.results[0].piece.text)
    }

    @Test func saveWritesLibraryFilesAndCommits() async throws {
        let vault = try F.vault()
        let report = try await vault.workspace().generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "blog", prompt: "Why I grow dahlias: neglect!", variants: 2, seed: 3,
            save: true, now: Self.fixedDate).withEngine(.remix))
        let saved = report.results.compactMap(\.saved)
        #expect(saved.count == 2)
        #expect(saved[0].id == "2026-09-21-wren-hale-why-i-grow-dahlias-neglect")
        #expect(saved[1].id == "2026-09-21-wren-hale-why-i-grow-dahlias-neglect-2")
        let file = try #require(vault.directory.read(saved[0].path))
        #expect(file.hasPrefix("---\nid: 2026-09-21-wren-hale-why-i-grow-dahlias-neglect\nclone: wren-hale\n"))
        for key in ["platform: blog", "provider: local", "model: kneser-ney-4gram", "prompt:", "seed: 3", "scores:",
                    "voice_match:", "longest_copied_run:", "created: 2026-09-21T", "status: draft"] {
            #expect(file.contains(key), "front matter lacks \(key)")
        }
        #expect(file.contains(report.results[0].piece.text))
        #expect(try vault.git("log", "-1", "--format=%s").contains("library: save 2 pieces for wren-hale"))
        #expect(try vault.git("status", "--porcelain").isEmpty)

        let ws = try vault.workspace()
        #expect(try ws.library.entries().entries.count == 2)
        #expect(try ws.library.entries(LibraryFilter(clone: "Wren Hale", platform: "blog", status: .draft)).entries.count == 2)
        #expect(try ws.library.entries(LibraryFilter(platform: "x")).entries.isEmpty)
        let doc = try ws.library.document(saved[0].id)
        #expect(doc.text == report.results[0].piece.text)
        #expect(doc.entry.seed == 3)
        #expect(doc.entry.scores.voiceMatch == report.results[0].voiceMatch)

        let hits = try ws.library.search("DAHLIAS")
        #expect(hits.count == 2, "the prompt mentions dahlias")
        #expect(try ws.library.search("zeppelin").isEmpty)

        #expect(throws: LibraryError.self) { try ws.library.document("2026-09-21-wren") }  // ambiguous
        let approved = try ws.library.setStatus(saved[1].id, to: .approved)
        #expect(approved.status == .approved)
        #expect(try vault.workspace().library.entries(LibraryFilter(status: .approved)).entries.map(\.id) == [saved[1].id])
        #expect(try vault.git("log", "-1", "--format=%s").contains("is approved"))
        let edited = try #require(vault.directory.read(saved[1].path))
        #expect(edited.contains("status: approved") && edited.contains("seed: 4"))

        #expect(throws: LibraryError.deleteNotConfirmed(id: saved[0].id)) { try ws.library.delete(saved[0].id, confirmed: false) }
        try ws.library.delete(saved[0].id, confirmed: true)
        #expect(try vault.workspace().library.entries().entries.map(\.id) == [saved[1].id])
        #expect(try vault.git("status", "--porcelain").isEmpty)
    }

    @Test func libraryReaderReportsBrokenFilesWithoutFailing() async throws {
        let vault = try F.vault()
        try vault.directory.write("library/broken.md", "---\nclone: [oops\n---\ntext\n")
        try vault.directory.write("library/by-hand.md", "---\nclone: wren-hale\nstatus: published\n---\n\nWritten by hand.\n")
        let (entries, problems) = try vault.workspace().library.entries()
        #expect(entries.map(\.id) == ["by-hand"])
        #expect(entries[0].status == .published)
        #expect(problems.count == 1 && problems[0].contains("library/broken.md"))
    }

    @Test func remoteProviderGetsTheDNAPromptAndIsMeasured() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat(
            "The garlic went in late. It always does.\n\nI have stopped apologising to it. #garden", model: "gpt-served"))
        let ws = try F.workspace(vault)
        _ = try ws.dna.analyze("wren-hale")
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "linkedin", prompt: "late garlic planting", provider: "openai",
            model: "gpt-test", baseURL: server.url("/v1"), temperature: 0.6, seed: 9, save: true,
            retry: .none, now: Self.fixedDate))
        let result = try #require(report.results.first)
        #expect(result.piece.provider == "openai")
        #expect(result.piece.model == "gpt-served")
        #expect(result.dnaVersion == 1)
        #expect(result.piece.checks.contains { $0.name == "no_copy" && $0.passed })
        #expect(result.piece.checks.contains { $0.name == "hook" && $0.passed })
        #expect(result.piece.longestCopiedRun != nil)
        #expect(result.voiceMatch != nil)

        let body = try #require(server.requests.first?.jsonObject)
        #expect(body["model"] as? String == "gpt-test")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages[0]["content"]?.contains("You are ghostwriting for Wren Hale") == true)
        #expect(messages[0]["content"]?.contains("Sentences: most run") == true)
        #expect(messages[1]["content"]?.contains("late garlic planting") == true)
        #expect(messages[1]["content"]?.contains("<example source=\"note-0\">\nI planted the garlic late again") == true,
                "the garlic sample is the most relevant example, shown whole")

        // The key reached the server's header only: not the library, not git, not the JSON.
        let saved = try #require(result.saved)
        let file = try #require(vault.directory.read(saved.path))
        #expect(!file.contains(F.openAIKey) && file.contains("provider: openai"))
        #expect(try !vault.git("log", "-p", "--all").contains(F.openAIKey))
        let json = try JSONEncoder().encode(result)
        #expect(!String(decoding: json, as: UTF8.self).contains(F.openAIKey))
    }

    @Test func dryRunSendsNothingAndRedactsTheKey() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        // The endpoint set beside the key, in the environment: the user paired them, so the key goes there.
        let report = try await F.workspace(vault, extra: ["OPENAI_BASE_URL": server.url("/v1")]).generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "compost", variants: 2, provider: "openai", seed: 1, dryRun: true))
        #expect(server.requests.isEmpty)
        #expect(report.results.isEmpty)
        #expect(report.dryRun.count == 2)
        #expect(report.dryRun[0].url == server.url("/v1/chat/completions"))
        #expect(report.dryRun[0].body.contains("\"seed\": 1"))
        #expect(report.dryRun[1].body.contains("\"seed\": 2"))
        #expect(report.dryRun[0].headers.contains { $0.name == "Authorization" && $0.value == "Bearer [redacted]" })
        #expect(!report.dryRun[0].rendered.contains(F.openAIKey))
        #expect(try vault.git("status", "--porcelain").isEmpty, "a dry run writes nothing")

        // No key at all is fine for a dry run.
        let keyless = try F.workspace(vault, extra: ["OPENAI_API_KEY": ""])
        let prepared = try await keyless.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "compost", provider: "openai", dryRun: true))
        #expect(!prepared.dryRun[0].headers.contains { $0.name == "Authorization" })
        await #expect(throws: GenerationError.dryRunIsForRemoteProviders) {
            try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", dryRun: true))
        }
    }

    @Test func providerAndModelDefaultFromTheVaultConfig() async throws {
        let config = """
            format_version: 1
            default_provider: anthropic
            default_model: claude-house-model
            platforms:
              memo:
                max_chars: 600
                guidance: Sign off with a dash and the initials W.H.
            """
        let vault = try F.vault(config: config)
        let ws = try F.workspace(vault, extra: ["ANTHROPIC_API_KEY": "sk-ant-kit-123456789"])
        let dry = try await ws.generation.generate(GenerateOptions(clone: "wren-hale", platform: "memo", prompt: "seed swaps", dryRun: true))
        #expect(dry.dryRun[0].url == "https://api.anthropic.com/v1/messages")
        #expect(dry.dryRun[0].body.contains("\"model\": \"claude-house-model\""))
        #expect(dry.dryRun[0].body.contains("Sign off with a dash and the initials W.H."))
        #expect(dry.dryRun[0].body.contains("At most 600 characters"))
        #expect(!dry.dryRun[0].rendered.contains("sk-ant-kit"))

        // Another provider does not inherit the vault's model; the flag beats the config.
        let openai = try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "seed swaps", provider: "openai", dryRun: true))
        #expect(openai.dryRun[0].body.contains("\"model\": \"gpt-4.1-mini\""))

        let local = try await ws.generation.generate(GenerateOptions(clone: "wren-hale", platform: "memo", prompt: "seed swaps",
                                                          provider: "local", seed: 2).withEngine(.remix))
        #expect(local.results[0].piece.platform == "memo")
        #expect(local.results[0].piece.checks.contains { $0.name == "max_chars" && $0.passed && $0.detail.hasSuffix("of 600 characters") })
    }

    @Test func clearErrors() async throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        await #expect(throws: GenerationError.unknownProvider("gemini")) {
            try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", provider: "gemini"))
        }
        await #expect(throws: PlatformError.self) { try await ws.generation.generate(GenerateOptions(clone: "wren-hale", platform: "myspace", prompt: "x")) }
        await #expect(throws: PromptError.emptyPrompt) { try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "  ")) }
        await #expect(throws: VaultError.self) { try await ws.generation.generate(GenerateOptions(clone: "nobody", prompt: "x")) }
        await #expect(throws: GenerationError.invalidVariants(0)) { try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", variants: 0)) }
        let missingKey = await #expect(throws: ProviderError.self) {
            try await F.workspace(vault, extra: ["OPENAI_API_KEY": ""]).generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", provider: "openai"))
        }
        #expect(missingKey?.localizedDescription.contains("OPENAI_API_KEY") == true)
    }
}
