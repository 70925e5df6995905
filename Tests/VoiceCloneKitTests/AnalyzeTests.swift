import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneKit
import VoiceCloneTestSupport

/// `analyze` and the DNA store: deterministic revisions, one commit each, nothing when nothing changed.
@Suite struct AnalyzeTests {
    /// A vault with a terse and an ornate writer, three samples each.
    static func twoWriters() throws -> TestVault {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Terse Tom")
        _ = try ws.clones.create(name: "Ornate Olive")
        for i in 0..<3 {
            try vault.writeSample(clone: "terse-tom", name: "t\(i).md", "---\ntitle: T\(i)\ncontent_type: blog\n---\n" + StyledText.terse(UInt64(i)))
            try vault.writeSample(clone: "ornate-olive", name: "o\(i).md", "---\ntitle: O\(i)\ncontent_type: essay\n---\n" + StyledText.ornate(UInt64(i)))
        }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        return vault
    }

    @Test func analyseTwiceWritesOneRevisionAndOneCommit() throws {
        let vault = try Self.twoWriters()
        let first = try vault.workspace().dna.analyze("terse-tom")
        #expect(first.status == .written)
        #expect(first.version == 1)
        #expect(first.path == "clones/terse-tom/dna/v0001.json")
        let bytes = try Data(contentsOf: vault.root.appendingPathComponent(first.path))
        let commits = try vault.git("rev-list", "--count", "HEAD")

        let second = try vault.workspace().dna.analyze("terse-tom")
        #expect(second.status == .unchanged)
        #expect(second.version == 1)
        #expect(try vault.git("rev-list", "--count", "HEAD") == commits)
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("clones/terse-tom/dna/v0002.json").path))
        // The same samples analysed from scratch give the same bytes.
        let again = try vault.workspace().dna.load(of: "terse-tom")
        var copy = again
        copy.version = 1
        #expect(try copy.canonicalJSON() == bytes)
    }

    /// The same samples give the same bytes whatever else is in the vault: another clone's arrival, its samples
    /// and `analyze --all` leave an analysed clone's DNA alone.
    @Test func dnaBytesDoNotDependOnOtherClones() throws {
        let alone = try TestVault()
        _ = try alone.workspace().clones.create(name: "Terse Tom")
        for i in 0..<3 {
            try alone.writeSample(clone: "terse-tom", name: "t\(i).md", "---\ntitle: T\(i)\ncontent_type: blog\n---\n" + StyledText.terse(UInt64(i)))
        }
        let first = try alone.workspace().dna.analyze("terse-tom")
        let aloneBytes = try Data(contentsOf: alone.root.appendingPathComponent(first.path))

        let crowded = try Self.twoWriters()
        let result = try crowded.workspace().dna.analyze("terse-tom")
        #expect(try Data(contentsOf: crowded.root.appendingPathComponent(result.path)) == aloneBytes)
        let all = try crowded.workspace().dna.analyzeAll()
        let terse = try #require(all.compactMap { try? $0.get() }.first { $0.clone == "terse-tom" })
        #expect(terse.status == .unchanged)

        // What sets the writer apart from the other clones is still shown, measured now and not stored.
        let described = try crowded.workspace().dna.describe(of: "terse-tom")
        let relative = try #require(described.againstOtherClones)
        #expect(relative.comparedWith == ["ornate-olive"])
        #expect(relative.distinctiveWords.allSatisfy { $0.against == "clones" })
        #expect(try alone.workspace().dna.describe(of: "terse-tom").againstOtherClones == nil)
    }

    /// A promoted draft the writer rewrote heavily is their writing; a lightly edited one is kept apart.
    @Test func heavilyEditedPromotedDraftsCountAsTheWritersOwn() throws {
        let vault = try Self.twoWriters()
        try vault.writeSample(clone: "terse-tom", name: "heavy.md",
                              "---\ntitle: Heavy\nai_assisted: true\nedited_share: 0.720\n---\n" + StyledText.terse(41))
        try vault.writeSample(clone: "terse-tom", name: "light.md",
                              "---\ntitle: Light\nai_assisted: true\nedited_share: 0.080\n---\n" + StyledText.terse(42))
        try vault.writeSample(clone: "terse-tom", name: "marked.md", "---\ntitle: Marked\nai_assisted: true\n---\n" + StyledText.terse(43))
        let samples = try vault.workspace().dna.analysisSamples(of: "terse-tom")
        let kept = Dictionary(uniqueKeysWithValues: samples.map { ($0.id, $0.aiAssisted) })
        #expect(kept["heavy"] == false)
        #expect(kept["light"] == true)
        #expect(kept["marked"] == true)
        let result = try vault.workspace().dna.analyze("terse-tom")
        let dna = try vault.workspace().dna.load(of: "terse-tom", version: result.version)
        #expect(dna.corpus.sampleIds.contains("heavy") && !dna.corpus.sampleIds.contains("light"))
        #expect(dna.corpus.excludedAiAssisted == 2)
    }

    /// `latest.json` is the newest revision rewritten in place, so `git log -p` on it shows each change as lines.
    @Test func latestJSONFollowsTheNewestRevision() throws {
        let vault = try Self.twoWriters()
        let latest = vault.root.appendingPathComponent("clones/terse-tom/dna/latest.json")
        let first = try vault.workspace().dna.analyze("terse-tom")
        #expect(try Data(contentsOf: latest) == Data(contentsOf: vault.root.appendingPathComponent(first.path)))
        try vault.writeSample(clone: "terse-tom", name: "t9.md", StyledText.ornate(99, words: 300))
        let second = try vault.workspace().dna.analyze("terse-tom")
        #expect(second.version == 2)
        #expect(try Data(contentsOf: latest) == Data(contentsOf: vault.root.appendingPathComponent(second.path)))
        #expect(try vault.workspace().index.clone(named: "terse-tom")?.dnaVersions == [1, 2])
        let patch = try vault.git("log", "-p", "-1", "--format=", "--", "clones/terse-tom/dna/latest.json")
        let lines = patch.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("-") && $0.contains("\"version\"") && $0.contains("1") })
        #expect(lines.contains { $0.hasPrefix("+") && $0.contains("\"version\"") && $0.contains("2") })
        #expect(try vault.git("status", "--porcelain", "--", "clones/terse-tom/dna").isEmpty)
    }

    @Test func commitMessageSummarisesTheRevision() throws {
        let vault = try Self.twoWriters()
        _ = try vault.workspace().dna.analyze("terse-tom")
        let message = try vault.git("log", "-1", "--format=%B")
        #expect(message.hasPrefix("terse-tom: DNA v1 (3 samples, "))
        #expect(message.contains("confidence"))
        #expect(message.contains("Most distinctive traits:"))
        #expect(try vault.git("show", "--name-only", "--format=", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
                == "clones/terse-tom/dna/latest.json\nclones/terse-tom/dna/v0001.json")

        try vault.writeSample(clone: "terse-tom", name: "t9.md", StyledText.ornate(99, words: 300))
        let second = try vault.workspace().dna.analyze("terse-tom")
        #expect(second.version == 2)
        let message2 = try vault.git("log", "-1", "--format=%B")
        #expect(message2.hasPrefix("terse-tom: DNA v2 (4 samples, "))
        #expect(message2.contains("Largest changes since v1:"))
        #expect(message2.contains("1 sample added: t9"))
    }

    @Test func dnaDiffOrdersTheChangesThatMatter() throws {
        let vault = try Self.twoWriters()
        _ = try vault.workspace().dna.analyze("terse-tom")
        // Long ornate samples pull the sentence length far up: that must lead the diff after the samples line.
        for i in 0..<3 { try vault.writeSample(clone: "terse-tom", name: "long\(i).md", StyledText.ornate(UInt64(50 + i), words: 500)) }
        _ = try vault.workspace().dna.analyze("terse-tom")
        let diff = try vault.workspace().dna.diff(of: "terse-tom")
        #expect(diff.from == 1 && diff.to == 2)
        #expect(diff.changes.first?.description.hasPrefix("3 samples added") == true)
        // Every leading change after the samples line is a described trait or a whole distribution, not a raw list entry.
        let traitKeys = diff.changes.dropFirst().prefix(12).map(\.key)
        let distributions = ["sentences.histogram", "sentences.openers", "function_words.most_frequent"]
        #expect(traitKeys.allSatisfy { TraitCatalog.trait(forKey: $0) != nil || distributions.contains($0) })
        #expect(traitKeys.contains("sentences.mean_length"))
        #expect(traitKeys.contains("punctuation.semicolon"))
        let length = try #require(diff.changes.first { $0.key == "sentences.mean_length" })
        #expect((length.delta ?? 0) > 3)
        let log = try vault.workspace().dna.log(of: "terse-tom")
        #expect(log.map(\.version) == [1, 2])
        #expect(log.allSatisfy { $0.commit != nil })
        #expect(throws: DNAError.self) { try vault.workspace().dna.diff(of: "ornate-olive") }
    }

    @Test func tooFewWordsSaysHowManyAreNeeded() throws {
        let vault = try TestVault()
        _ = try vault.workspace().clones.create(name: "Short")
        #expect {
            try vault.workspace().dna.analyze("short")
        } throws: { ($0 as? AnalysisError).map { if case .noSamples = $0 { true } else { false } } ?? false }
        try vault.writeSample(clone: "short", name: "a.md", "Just a few words here, not enough for a voice.\n")
        do {
            _ = try vault.workspace().dna.analyze("short")
            Issue.record("expected an error")
        } catch {
            #expect(error.localizedDescription.contains("at least 300"))
            #expect(error.localizedDescription.contains("add 290 more"))
        }
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("clones/short/dna").path))
    }

    @Test func syncConflictCopiesAndAIAssistedSamplesAreLeftOut() throws {
        let vault = try Self.twoWriters()
        try vault.writeSample(clone: "terse-tom", name: "t0.local-abc.md", "---\nconflict_of: t0\n---\n" + StyledText.terse(0))
        try vault.writeSample(clone: "terse-tom", name: "ai.md", "---\nai_assisted: true\n---\n" + StyledText.ornate(7))
        let result = try vault.workspace().dna.analyze("terse-tom")
        let dna = try vault.workspace().dna.load(of: "terse-tom")
        #expect(dna.corpus.sampleIds == ["t0", "t1", "t2"])
        #expect(dna.corpus.excludedAiAssisted == 1)
        #expect(result.warnings.count == 2)
        let withAI = try vault.workspace().dna.analyze("terse-tom", options: AnalyzeOptions(includeAIAssisted: true))
        #expect(withAI.version == 2)
        #expect(try vault.workspace().dna.load(of: "terse-tom").corpus.sampleIds == ["ai", "t0", "t1", "t2"])
    }

    static func failure<T>(_ result: Result<T, InputFailure>) -> String? {
        if case .failure(let failure) = result { failure.error } else { nil }
    }

    @Test func attributionAndMatchTellTheWritersApart() throws {
        let vault = try Self.twoWriters()
        let ws = try vault.workspace()
        _ = try ws.dna.analyzeAll()
        let dir = TemporaryDirectory("texts")
        let terse = try dir.write("terse.md", StyledText.terse(1234, words: 500))
        let ornate = try dir.write("ornate.md", StyledText.ornate(4321, words: 500))
        let reports = try ws.attribution.attribute([terse.path, ornate.path, dir.file("missing.md").path]).map { try? $0.get() }
        #expect(reports[0]?.attribution.best == "terse-tom")
        #expect(reports[1]?.attribution.best == "ornate-olive")
        #expect(reports[2] == nil)
        let own = try ws.attribution.match("terse-tom", inputs: [terse.path])[0].get()
        let other = try ws.attribution.match("terse-tom", inputs: [ornate.path])[0].get()
        #expect(own.match.score > other.match.score + 30)
        #expect(other.differences.contains { $0.contains("your sentences run") && $0.contains("longer than Terse's") })
        #expect(other.differences.contains { $0.contains("Terse never uses semicolons") })

        // A text without words gets an error, not the prior dressed as a verdict; the other texts are still judged.
        let empty = try dir.write("empty.md", "---\ntitle: Nothing yet\n---\n\n   \n")
        let attributed = try ws.attribution.attribute([empty.path, terse.path])
        let matched = try ws.attribution.match("terse-tom", inputs: [empty.path])
        let expected = "\(empty.path) has no words to judge: give a text with at least one sentence."
        #expect(Self.failure(attributed[0]) == expected)
        #expect(Self.failure(matched[0]) == expected)
        #expect((try? attributed[1].get())?.attribution.best == "terse-tom")
    }
}

/// `analyze --with-llm` against a loopback OpenAI server: the qualitative section is stored beside unchanged
/// measurements, recorded with its provider and model, and kept by a later plain `analyze`.
@Suite struct AnalyzeWithLLMTests {
    @Test func qualitativeSectionIsAddedWithoutTouchingTheMeasurements() async throws {
        let vault = try GenerateFixtures.vault()
        let plain = try GenerateFixtures.workspace(vault).dna.analyze("wren-hale")
        #expect(plain.version == 1)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat("""
            {"tone": ["wry"], "attitude": ["patient"], "themes": ["garlic"], "dos": ["Short sentences."],
             "donts": ["No exclamation marks."], "evidence": ["I wish I were more like garlic."]}
            """, model: "gpt-describer"))
        let result = try await GenerateFixtures.workspace(vault).dna.analyzeWithLLM(
            "wren-hale", describe: DescribeVoiceOptions(clone: "wren-hale", provider: "openai", baseURL: server.url("/v1"), retry: .none))
        #expect(result.status == .written)
        #expect(result.version == 2)
        let ws = try GenerateFixtures.workspace(vault)
        let v1 = try ws.dna.load(of: "wren-hale", version: 1), v2 = try ws.dna.load(of: "wren-hale", version: 2)
        #expect(v2.qualitative?.provider == "openai")
        #expect(v2.qualitative?.model == "gpt-describer")
        #expect(v2.qualitative?.tone == ["wry"])
        var measured = v2
        measured.qualitative = nil
        measured.version = 1
        #expect(try measured.canonicalJSON() == v1.canonicalJSON())
        #expect(try vault.git("log", "-1", "--format=%s").contains("qualitative reading by openai gpt-describer"))
        #expect(!(try String(contentsOf: vault.root.appendingPathComponent(result.path), encoding: .utf8)).contains(GenerateFixtures.openAIKey))

        // A plain analyze afterwards: nothing changed, and the qualitative section stays.
        let again = try GenerateFixtures.workspace(vault).dna.analyze("wren-hale")
        #expect(again.status == .unchanged)
        #expect(try GenerateFixtures.workspace(vault).dna.load(of: "wren-hale").qualitative?.tone == ["wry"])
    }
}
