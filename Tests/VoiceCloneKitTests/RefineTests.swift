import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneVault
import VoiceCloneProviders
import VoiceCloneRewrite

/// `generate --refine` against a loopback model and offline, `rewrite --provider`, and the shared scores.
@Suite struct RefineTests {
    typealias F = GenerateFixtures

    /// Reads as machine-written: stock phrases, stacked connectives, a rule of three.
    static let machineDraft = """
        In today's fast-paced world, gardening is a testament to patience. Moreover, it is important to note that \
        garlic rewards careful planning, consistent effort, and meaningful dedication. Furthermore, planting late is \
        not just a mistake, but an opportunity to delve into the rich tapestry of seasonal growth.
        """

    /// Written in Wren's manner: short first-person sentences, contractions, dry asides (no sample copied).
    static let wrenDraft = """
        The garlic went in late again. It always does. I'd meant to plant it in October, and then the rain came, \
        and then it was November and my fingers were cold.

        It'll be fine. Garlic doesn't hold a grudge. It sits in the dark all winter and comes up green in spring \
        as if nobody was ever late for anything.
        """

    @Test func remoteRefineSendsFeedbackAndStopsWhenTheAimsAreMet() async throws {
        let vault = try F.vault()
        _ = try vault.workspace().dna.analyze("wren-hale")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", sequence: [
            .openAIChat(Self.machineDraft), .openAIChat(Self.wrenDraft), .openAIChat("A third answer nobody asked for."),
        ])
        let ws = try F.workspace(vault)
        let scorer = try ws.attribution.voiceScorer(clone: "wren-hale")
        let first = scorer.scores(Self.machineDraft), second = scorer.scores(Self.wrenDraft)
        // The aims sit between the two answers' scores, so round 1 fails AI-likeness and round 2 passes both.
        let maxAI = scorer.detector.model.threshold - 1
        #expect(first.aiLikeness > maxAI && second.aiLikeness <= maxAI)
        let minMatch = min(60, try #require(second.voiceMatch))

        final class Seen: @unchecked Sendable {
            let lock = NSLock(); var rounds: [RefineRound] = []
            func add(_ r: RefineRound) { lock.lock(); rounds.append(r); lock.unlock() }
        }
        let seen = Seen()
        let report = try await ws.generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "planting garlic late", provider: "openai", baseURL: server.url("/v1"),
            seed: 4, retry: .none, refine: RefineOptions(rounds: 3, minVoiceMatch: minMatch),
            onRound: { variant, round in if variant == 0 { seen.add(round) } }))
        let result = try #require(report.results.first)
        let refine = try #require(result.refine)
        #expect(server.requests.count == 2, "round 2 passes, so no third request")
        #expect(refine.rounds.map(\.round) == [1, 2])
        #expect(refine.rounds.map(\.action) == ["draft", "revise"])
        #expect(refine.rounds.map(\.passed) == [false, true])
        #expect(seen.rounds == refine.rounds, "each round is reported as it ends")
        #expect(refine.rounds[0].aiLikeness == first.aiLikeness && refine.rounds[1].aiLikeness == second.aiLikeness)
        #expect(refine.passed && refine.keptRound == 2 && refine.maxAILikeness == maxAI)
        #expect(result.piece.text == Self.wrenDraft)
        #expect(result.aiLikeness == second.aiLikeness && result.voiceMatch == second.voiceMatch)
        #expect(result.voiceMatch == (try ws.attribution.voiceMatchScore(clone: "wren-hale", text: Self.wrenDraft)),
                "generate and match report the same number")

        // The follow-up: the first conversation, the draft as the model's answer, then the feedback.
        let firstBody = try #require(server.requests[0].jsonObject)
        let body = try #require(server.requests[1].jsonObject)
        let firstMessages = try #require(firstBody["messages"] as? [[String: String]])
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.count == 4)
        #expect(Array(messages.prefix(2)) == firstMessages)
        #expect(messages[2] == ["role": "assistant", "content": Self.machineDraft])
        #expect(messages[3]["role"] == "user")
        let feedback = try #require(messages[3]["content"])
        #expect(feedback.contains("\(first.aiLikeness)/100 for reading as machine-written (aim: \(maxAI) or less)"))
        #expect(feedback.contains("The writer's habits, measured from their samples"), "RewriteGuidance.instructions()")
        #expect(feedback.contains("In today's fast-paced world, gardening is a testament to patience."), "a flagged sentence")
        let flag = try #require(first.detection.flags.first)
        #expect(feedback.contains(flag.suggestion), "the flag's suggestion")
        #expect(feedback.contains(flag.reasons[0]), "the flag's reason")
        for difference in first.differences { #expect(feedback.contains(difference)) }
        #expect(body["seed"] as? Int == 4 && body["model"] as? String == firstBody["model"] as? String)
        #expect(!server.requests[1].bodyText.contains(F.openAIKey))
    }

    @Test func remoteRefineKeepsTheBestRoundWhenNoneMeetsTheAims() async throws {
        let vault = try F.vault()
        _ = try vault.workspace().dna.analyze("wren-hale")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", sequence: [.openAIChat(Self.wrenDraft), .openAIChat(Self.machineDraft)])
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "garlic", provider: "openai", baseURL: server.url("/v1"), save: true,
            retry: .none, refine: RefineOptions(rounds: 2, minVoiceMatch: 100, maxAILikeness: 0)))
        let result = try #require(report.results.first)
        let refine = try #require(result.refine)
        #expect(refine.rounds.count == 2 && !refine.passed)
        #expect(refine.keptRound == 1, "the machine-sounding revision scores worse, so the draft is kept")
        #expect(result.piece.text == Self.wrenDraft)
        #expect(result.piece.warnings.contains { $0.contains("still misses an aim") })
        // The saved piece is the kept one, with its final scores.
        let saved = try #require(result.saved)
        let file = try #require(vault.directory.read(saved.path))
        #expect(file.contains(Self.wrenDraft.prefix(40)))
        #expect(file.contains("ai_likeness: \(try #require(result.aiLikeness))"))
        #expect(try vault.workspace().library.document(saved.id).entry.scores.aiLikeness == result.aiLikeness)
    }

    @Test func localRefineKeepsTheBestAndIsReproducible() async throws {
        let vault = try F.vault()
        _ = try vault.workspace().dna.analyze("wren-hale")
        // Aims no text can meet: every round runs.
        let options = GenerateOptions(clone: "wren-hale", prompt: "compost and patience", variants: 2, seed: 17,
                                      refine: RefineOptions(rounds: 4, minVoiceMatch: 100, maxAILikeness: 0)).withEngine(.remix)
        let a = try await vault.workspace().generation.generate(options)
        let b = try await vault.workspace().generation.generate(options)
        #expect(a.results.map(\.piece.text) == b.results.map(\.piece.text))
        #expect(a.results.map { $0.refine?.rounds } == b.results.map { $0.refine?.rounds })
        let scorer = try vault.workspace().attribution.voiceScorer(clone: "wren-hale")
        for result in a.results {
            let refine = try #require(result.refine)
            #expect(refine.rounds.count == 4)
            #expect(refine.rounds[0].action == "draft")
            for round in refine.rounds.dropFirst() {
                #expect(round.action.hasPrefix("rewrite (") || round.action.hasPrefix("redraft seed "), "\(round.action)")
            }
            let kept = refine.rounds[refine.keptRound - 1]
            #expect(result.voiceMatch == kept.voiceMatch && result.aiLikeness == kept.aiLikeness)
            // The kept round scores at least as well as the first draft.
            func margin(_ r: RefineRound) -> Int { (r.voiceMatch ?? 0) - r.aiLikeness }
            #expect(margin(kept) >= margin(refine.rounds[0]) || kept.round == 1)
            #expect(scorer.scores(result.piece.text).aiLikeness == result.aiLikeness)
            #expect((result.piece.longestCopiedRun ?? 99) < 12)
        }
        // Re-drafts use seeds no other variant or round uses.
        let seeds = a.results.flatMap { $0.refine?.rounds.compactMap { $0.action.split(separator: " ").last.flatMap { UInt64($0) } } ?? [] }
        #expect(Set(seeds).count == seeds.count)
        #expect(!seeds.contains(17) && !seeds.contains(18))
    }

    @Test func localRefineStopsAtOnceWhenTheDraftPasses() async throws {
        let vault = try F.vault()
        let report = try await vault.workspace().generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "dahlias", seed: 2, refine: RefineOptions(rounds: 5, minVoiceMatch: 0, maxAILikeness: 100)))
        let refine = try #require(report.results.first?.refine)
        #expect(refine.rounds.count == 1 && refine.passed && refine.keptRound == 1)
    }

    @Test func dryRunShowsOnlyTheFirstRequestAndSaysSo() async throws {
        let vault = try F.vault()
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "compost", variants: 2, provider: "openai", dryRun: true,
            refine: RefineOptions(rounds: 3)))
        #expect(report.dryRun.count == 2)
        #expect(report.warnings.contains { $0.contains("only the first request") })
    }

    @Test func refineOptionsAreChecked() async throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        await #expect(throws: GenerationError.invalidRefineRounds(0)) {
            try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", refine: RefineOptions(rounds: 0)))
        }
        await #expect(throws: GenerationError.invalidRefineThreshold(option: "--max-ai", value: 120)) {
            try await ws.generation.generate(GenerateOptions(clone: "wren-hale", prompt: "x", refine: RefineOptions(rounds: 2, maxAILikeness: 120)))
        }
    }

    @Test func generateReportsAILikenessWithoutRefine() async throws {
        let vault = try F.vault()
        // Notes, not a topic: a topic gives a skeleton of placeholders, which is not scored.
        let notes = "- the garlic went in late\n- the soup needed more salt than I thought"
        let report = try await vault.workspace().generation.generate(GenerateOptions(clone: "wren-hale", prompt: notes, seed: 3))
        let result = try #require(report.results.first)
        let ai = try #require(result.aiLikeness)
        #expect(ai == (try vault.workspace().attribution.voiceScorer(clone: "wren-hale")).detect(result.piece.text).score)
        #expect(result.refine == nil)
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(json.contains("\"ai_likeness\":\(ai)") && !json.contains("\"rounds\""))
    }

    @Test func rewriteWithAProviderSendsTheInstructionsAndRefusesContentLoss() async throws {
        let vault = try F.vault()
        _ = try vault.workspace().dna.analyze("wren-hale")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        // Keeps the content words of the draft, drops the tells.
        let faithful = """
            Here is the rewritten draft:

            Gardening takes patience. Garlic rewards careful planning, consistent effort and meaningful dedication. Planting late \
            isn't a mistake. It's an opportunity: you see the seasonal growth from a new side.
            """
        server.route("/v1/chat/completions", sequence: [.openAIChat(faithful), .openAIChat("Garlic is nice.")])
        let ws = try F.workspace(vault)
        let draft = NamedText(file: "draft.md", text: Self.machineDraft)
        let report = try await ws.detection.rewrite(clone: "wren-hale", text: draft, provider: "openai", baseURL: server.url("/v1"),
                                          retry: .none)
        #expect(report.engine == "openai")
        #expect(report.text.hasPrefix("Gardening takes patience."), "the chatty preface is dropped")
        #expect(report.contentWordRecall >= 0.95)
        #expect(report.after.aiLikeness < report.before.aiLikeness)
        #expect(!report.diff.changes.isEmpty)
        let scorer = try ws.attribution.voiceScorer(clone: "wren-hale")
        #expect(report.after.voiceMatch == (try scorer.voiceMatch(report.text)).score)

        let body = try #require(server.requests.first?.jsonObject)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user"])
        let system = try #require(messages[0]["content"])
        #expect(system.contains("read as if Wren wrote them"))
        #expect(system.contains("The writer's habits, measured from their samples"))
        #expect(system.contains("Keep every fact, claim, name, number"))
        let flag = try #require(scorer.detect(Self.machineDraft).flags.first)
        #expect(system.contains(flag.suggestion))
        #expect(messages[1]["content"]?.contains(Self.machineDraft) == true)

        do {
            _ = try await ws.detection.rewrite(clone: "wren-hale", text: draft, provider: "openai", baseURL: server.url("/v1"), retry: .none)
            Issue.record("an answer that drops the draft's content must be refused")
        } catch let error as ContentLossError {
            #expect(error.file == "draft.md" && error.recall < 0.95)
            #expect(error.missing.contains("careful") && !error.missing.contains("garlic"), "garlic survived")
            #expect(error.localizedDescription.contains("draft.md") && error.localizedDescription.contains("unchanged"))
            #expect(!error.localizedDescription.contains(F.openAIKey))
        }
    }

    @Test func anthropicFollowUpCarriesTheDraftAsTheAssistantTurn() async throws {
        let vault = try F.vault()
        _ = try vault.workspace().dna.analyze("wren-hale")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/messages", sequence: [.anthropicMessage(Self.machineDraft), .anthropicMessage(Self.wrenDraft)])
        let ws = try F.workspace(vault, extra: ["ANTHROPIC_API_KEY": "sk-ant-refine-0123456789"])
        let report = try await ws.generation.generate(GenerateOptions(
            clone: "wren-hale", prompt: "garlic", provider: "anthropic", baseURL: server.url(""), retry: .none,
            refine: RefineOptions(rounds: 2, minVoiceMatch: 0)))
        #expect(report.results.first?.refine?.rounds.count == 2)
        let body = try #require(server.requests.last?.jsonObject)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["user", "assistant", "user"])
        #expect(messages[1]["content"] == Self.machineDraft)
        #expect(messages[2]["content"]?.contains("Revise the piece you wrote above") == true)
        #expect((body["system"] as? String)?.contains("You are ghostwriting for Wren Hale") == true)
    }

    @Test func matchGenerateAndRewriteShareOneVoiceMatch() async throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        _ = try ws.dna.analyze("wren-hale")
        _ = try ws.clones.create(name: "Other Voice")
        try vault.writeSample(clone: "other-voice", name: "o.md", "---\ntitle: O\n---\n\n" + Self.machineDraft + " " + Self.machineDraft)
        let file = try vault.directory.write("draft.md", Self.wrenDraft)
        let fresh = try vault.workspace()
        let matched = try #require(try fresh.attribution.match("wren-hale", inputs: [file.path]).first?.get())
        #expect(matched.match.score == (try fresh.attribution.voiceMatchScore(clone: "wren-hale", text: Self.wrenDraft)))
        #expect(matched.match.score == (try fresh.attribution.voiceScorer(clone: "wren-hale").scores(Self.wrenDraft).voiceMatch))
        let rewritten = try fresh.detection.rewrite(clone: "wren-hale", text: NamedText(file: "d", text: Self.wrenDraft))
        #expect(rewritten.before.voiceMatch == matched.match.score)
        // AI-likeness too: generate's score of its piece is what `detect --clone` says of the same text. (Notes, not a
        // topic: a topic gives a skeleton, which is not scored.)
        let notes = "- the garlic went in late\n- the soup needed more salt than I thought"
        let generated = try #require(await fresh.generation.generate(GenerateOptions(clone: "wren-hale", prompt: notes, seed: 5)).results.first)
        #expect(generated.aiLikeness != nil && generated.voiceMatch != nil)
        let detected = try fresh.detection.detect(texts: [NamedText(file: "g", text: generated.piece.text)], clone: "wren-hale")
        #expect(generated.aiLikeness == detected.first?.detection.score)
        #expect(generated.voiceMatch == (try fresh.attribution.voiceMatchScore(clone: "wren-hale", text: generated.piece.text)))
    }

    @Test func aTextThatBreaksThePlatformIsRevisedEvenWhenItScoresWell() async throws {
        let vault = try F.vault()
        _ = try vault.workspace().dna.analyze("wren-hale")
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let short = "The garlic went in late again. It always does, and it always comes up anyway."
        // The one automatic shortening request comes back still too long; the refine loop then fixes it.
        server.route("/v1/chat/completions", sequence: [.openAIChat(Self.wrenDraft), .openAIChat(Self.wrenDraft), .openAIChat(short)])
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "x", prompt: "garlic", provider: "openai", baseURL: server.url("/v1"),
            retry: .none, refine: RefineOptions(rounds: 3, minVoiceMatch: 0, maxAILikeness: 100)))
        let refine = try #require(report.results.first?.refine)
        #expect(refine.rounds.map(\.failedChecks) == [["post_1_chars"], []])
        #expect(refine.rounds.map(\.passed) == [false, true])
        #expect(refine.keptRound == 2 && report.results.first?.piece.text == short)
        let feedback = try #require((server.requests.last?.jsonObject?["messages"] as? [[String: String]])?.last?["content"])
        #expect(feedback.contains("It breaks these rules; fix them first:\n- post_1_chars: post 1: \(Self.wrenDraft.count) of 280 characters"))
    }
}
