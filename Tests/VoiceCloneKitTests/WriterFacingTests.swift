import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneKit
import VoiceCloneTestSupport
import VoiceCloneVault

/// What a writer sees of the library core: `analyze --with-llm` that does not pay twice, `dna diff` that leads with
/// what matters, sample references, folder imports, adopted vaults and completion candidates.
@Suite struct WriterFacingTests {
    typealias F = GenerateFixtures

    static let describeAnswer = """
        {"tone": ["wry", "patient"], "attitude": ["self-deprecating"], "themes": ["garlic", "compost"],
         "dos": ["Short declarative sentences."], "donts": ["No exclamation marks."],
         "evidence": ["I wish I were more like garlic."]}
        """

    @Test func withLLMSkipsTheRequestWhenSamplesAndModelAreUnchanged() async throws {
        let vault = try F.vault()
        try vault.writeSample(clone: "wren-hale", name: "list.md", """
            ---
            title: Shed list
            ---

            Open issues:

            - the shed door sticks in wet weather
            - the water butt leaks at the tap

            I will fix neither before spring, and I have made my peace with that.
            """)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIChat(Self.describeAnswer, model: "gpt-describer"))
        let describe = DescribeVoiceOptions(clone: "Wren Hale", provider: "openai", model: "gpt-describer",
                                            baseURL: server.url("/v1"), retry: .none)

        let first = try await F.workspace(vault).dna.analyzeWithLLM("Wren Hale", describe: describe)
        #expect(first.status == .written)
        #expect(first.llmRequest == .sent)
        #expect(server.requests.count == 1)
        // The sample went with its structure: the list items follow their lead-in line.
        let body = try #require(server.requests.first?.jsonObject)
        let messages = try #require(body["messages"] as? [[String: String]])
        let user = try #require(messages.last?["content"])
        #expect(user.contains("Open issues:\n- the shed door sticks in wet weather\n- the water butt leaks at the tap"))

        let second = try await F.workspace(vault).dna.analyzeWithLLM("wren-hale", describe: describe)
        #expect(second.llmRequest == .skipped)
        #expect(second.status == .unchanged)
        #expect(server.requests.count == 1, "the same samples to the same model: nothing sent")

        // Another model is another request.
        var other = describe
        other.model = "gpt-other"
        let third = try await F.workspace(vault).dna.analyzeWithLLM("wren-hale", describe: other)
        #expect(third.llmRequest == .sent)
        #expect(server.requests.count == 2)

        // So is a changed sample, and --refresh asks even when nothing changed.
        try vault.writeSample(clone: "wren-hale", name: "extra.md", "The frost came early and took the last of the beans with it.")
        let fourth = try await F.workspace(vault).dna.analyzeWithLLM("wren-hale", describe: other)
        #expect(fourth.llmRequest == .sent)
        #expect(server.requests.count == 3)
        other.refresh = true
        _ = try await F.workspace(vault).dna.analyzeWithLLM("wren-hale", describe: other)
        #expect(server.requests.count == 4)
        let dna = try vault.workspace().dna.load(of: "wren-hale")
        #expect(dna.qualitative?.requestDigest?.count == 64)
        #expect(dna.qualitative?.dos == ["Short declarative sentences."])
    }

    @Test func dnaDiffLeadsWithWhatAReaderNotices() throws {
        let vault = try AnalyzeTests.twoWriters()
        _ = try vault.workspace().dna.analyze("terse-tom")
        for i in 0..<3 { try vault.writeSample(clone: "terse-tom", name: "long\(i).md", StyledText.ornate(UInt64(70 + i), words: 500)) }
        try FileManager.default.removeItem(at: vault.root.appendingPathComponent("clones/terse-tom/samples/t0.md"))
        _ = try vault.workspace().dna.analyze("terse-tom")
        let diff = try vault.workspace().dna.diff(of: "terse-tom")
        let keys = diff.changes.map(\.key)

        // Samples first, then described traits; nothing raw among the first lines.
        #expect(diff.changes.first?.key == "corpus.sample_ids")
        let lead = diff.changes.drop { $0.key == "corpus.sample_ids" }.prefix(10)
        let plain = ["sentences.histogram", "sentences.openers", "function_words.most_frequent", "confidence.score"]
        #expect(lead.allSatisfy { TraitCatalog.trait(forKey: $0.key) != nil || plain.contains($0.key) },
                "\(lead.map(\.description))")
        #expect(lead.contains { $0.key == "sentences.mean_length" }, "\(diff.changes.prefix(14).map { "\($0.significance) \($0.description)" })")
        // Ranked by significance, and every trait line is ranked above every raw value.
        #expect(zip(diff.changes, diff.changes.dropFirst()).allSatisfy { $0.significance >= $1.significance })
        // A value without a described trait never outranks one a reader would notice.
        let special = ["corpus.", "confidence.", "signature.", "sentences.histogram", "sentences.openers", "function_words.most_frequent"]
        let raw = diff.changes.filter { c in TraitCatalog.trait(forKey: c.key) == nil && !special.contains { c.key.hasPrefix($0) } }
        #expect(raw.allSatisfy { $0.significance <= 0.5 }, "\(raw.map(\.description))")

        // The histogram is one line, and no list entry shows up as a raw index.
        #expect(keys.filter { $0.hasPrefix("sentences.histogram") } == ["sentences.histogram"])
        let histogram = try #require(diff.changes.first { $0.key == "sentences.histogram" })
        #expect(histogram.description.hasPrefix("sentence-length mix: "))
        #expect(!diff.changes.contains { $0.description.contains("].share") || $0.key.contains("].share") })
        // Nothing that reads the same at display precision.
        for change in diff.changes {
            guard let trait = TraitCatalog.trait(forKey: change.key), let from = change.from.flatMap(Double.init),
                  let to = change.to.flatMap(Double.init) else { continue }
            #expect(trait.format(from) != trait.format(to), "\(change.description)")
        }
        // Deltas at the DNA's four decimals.
        for delta in diff.changes.compactMap(\.delta) {
            #expect(abs(delta * 10_000 - (delta * 10_000).rounded()) < 1e-6, "\(delta)")
        }
        // A signature term that came or went is one line.
        let terms = Dictionary(grouping: diff.changes.filter { $0.key.hasPrefix("signature.") }) { change -> String in
            String(change.key.prefix { $0 != "]" })
        }
        #expect(terms.values.allSatisfy { $0.count == 1 })
    }

    @Test func sampleReferencesTakeShortPrefixesAndSayWhenAmbiguous() throws {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Test Writer")
        try vault.writeSample(clone: "test-writer", name: "notes-one.md", "The first note has a few words in it.")
        try vault.writeSample(clone: "test-writer", name: "notes-two.md", "The second note has other words in it.")
        let hash = try #require(try vault.workspace().samples.list("test-writer").first { $0.id == "notes-one" }?.hash)
        #expect(try vault.workspace().samples.show("Test Writer", id: String(hash.prefix(4))).sample.id == "notes-one")
        #expect(try vault.workspace().samples.show("Test Writer", id: "notes-t").sample.id == "notes-two")
        let ambiguous = #expect(throws: VaultError.self) { try vault.workspace().samples.show("Test Writer", id: "notes") }
        #expect(ambiguous?.localizedDescription.contains("notes-one, notes-two") == true)
        let missing = #expect(throws: VaultError.self) { try vault.workspace().samples.show("Test Writer", id: "zzz") }
        #expect(missing?.localizedDescription.contains("voiceclone sample list 'Test Writer'") == true)
        #expect(missing?.localizedDescription.contains("4+ characters") == true)
    }

    @Test func folderImportReportsUnsupportedFilesAndShortSamplesWarn() throws {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Maren")
        let dir = TemporaryDirectory("docs")
        try dir.write("folder/essay.md", FixtureText.markdown(FixtureText.essay))
        try dir.write("folder/cover.png", "\u{89}PNG not really")
        let results = try ws.samples.add("maren", inputs: [dir.file("folder").path])
        #expect(results.map(\.status) == [.skipped, .added])
        #expect(results[0].input.hasSuffix("cover.png"))
        #expect(results[0].reason?.contains(".png") == true)
        #expect(results[1].warnings.isEmpty)

        // One rule for short text, whatever it came from: added, with a warning.
        let piped = try ws.samples.add("maren", inputs: ["-"], standardInput: { Data("Five words from standard input.".utf8) })
        #expect(piped.first?.status == .added)
        #expect(piped.first?.warnings.contains { $0.contains("under 50 words") } == true)
    }

    @Test func epubChaptersAreTitledOnceAndShortOnesJoinTheNext() throws {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Maren")
        let dir = TemporaryDirectory("docs")
        let titlePage: [FixtureText.Block] = [.heading("Small Book", level: 1), .paragraph("A few pieces.")]
        try EPUBWriter(title: "Small Book", author: FixtureText.author)
            .write(chapters: [titlePage, FixtureText.essay, FixtureText.shortPiece], to: dir.file("small.epub"))
        let results = try ws.samples.add("maren", inputs: [dir.file("small.epub").path], options: SampleAddOptions(splitChapters: true))
        let titles = results.compactMap(\.sample?.title)
        #expect(titles == ["Small Book: The Slow Repair of a Green Bicycle", "Small Book: Notes from a Winter Allotment"], "\(titles)")
        #expect(results.allSatisfy { $0.status == .added })
        #expect(results.first?.warnings.contains { $0.contains("joined to the next chapter") } == true)
        let first = try ws.samples.show("maren", id: try #require(results.first?.sample?.id))
        #expect(first.text.contains("A few pieces."), "the title page's words are kept")
    }

    @Test func initOnAFolderHoldingClonesListsThem() throws {
        let dir = TemporaryDirectory("adopt")
        try dir.write(".voiceclone/config.yaml", "format_version: 1\n")
        try dir.write("clones/dana/clone.md", "---\nname: Dana\n---\n")
        let result = try VaultInitializer.initialize(at: dir.url)
        #expect(result.clones == ["dana"])
        let fresh = try VaultInitializer.initialize(at: TemporaryDirectory("new").url)
        #expect(fresh.clones.isEmpty)
    }

    @Test func completionsComeFromTheVaultAndNeverFail() throws {
        let vault = try F.vault(config: "format_version: 1\ndefault_provider: local\nplatforms:\n  substack:\n    max_chars: 5000\n")
        let completions = VaultCompletions(commandLine: ["voiceclone", "clone", "show", "--vault", vault.root.path, ""], environment: [:])
        #expect(completions.clones() == ["wren-hale"])
        #expect(completions.samples(ofClone: "'Wren Hale'") == ["note-0", "note-1", "note-2", "note-3", "note-4"])
        #expect(completions.samples(ofClone: "wren-hale", prefix: "note-3") == ["note-3"])
        #expect(completions.platforms().contains("linkedin"))
        #expect(completions.platforms().contains("substack"))
        #expect(completions.providers(prefix: "open") == ["openai", "openai-compatible"])
        try vault.directory.write("library/2026-01-05-wren-hale-garlic.md", "---\nclone: wren-hale\n---\nText.\n")
        #expect(completions.libraryIDs() == ["2026-01-05-wren-hale-garlic"])
        _ = try vault.git("remote", "add", "origin", "/nowhere/voices.git")
        #expect(completions.remotes() == ["origin"])
        let nowhere = VaultCompletions(commandLine: ["voiceclone", "clone", "show", "--vault", "/nonexistent/place"], environment: [:])
        #expect(nowhere.clones().isEmpty)
        #expect(nowhere.libraryIDs().isEmpty)
        #expect(VaultCompletions.unquoted(#"'Wren Hale'"#) == "Wren Hale")
        #expect(VaultCompletions.unquoted(#"Wren\ Hale"#) == "Wren Hale")
    }
}
