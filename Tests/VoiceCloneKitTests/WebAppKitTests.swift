import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneTestSupport

/// The Kit calls the web app added: editing a library piece's text, and the figures behind its pictures.
@Suite struct WebAppKitTests {
    static func twoWriters() throws -> TestVault {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Terse Tom")
        _ = try ws.clones.create(name: "Ornate Olive")
        for i in 0..<4 {
            try vault.writeSample(clone: "terse-tom", name: "t\(i).md", StyledText.terse(UInt64(i)))
            try vault.writeSample(clone: "ornate-olive", name: "o\(i).md", StyledText.ornate(UInt64(i)))
        }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        return vault
    }

    @Test func editingAPiecesTextKeepsItsFrontMatterAndCommitsOnlyThatFile() throws {
        let vault = try Self.twoWriters()
        let file = "---\nid: 2026-01-02-post\nclone: terse-tom\nplatform: linkedin\nprovider: local\nmodel: m\nprompt: why\nreviewer: Sam\ncreated: 2026-01-02T10:00:00Z\nstatus: approved\n---\n\nOld text.\n"
        try FileManager.default.createDirectory(at: vault.root.appendingPathComponent("library"), withIntermediateDirectories: true)
        try file.write(to: vault.root.appendingPathComponent("library/2026-01-02-post.md"), atomically: true, encoding: .utf8)
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "piece")
        let before = try vault.git("rev-parse", "HEAD")

        let edited = try vault.workspace().library.editText("2026-01-02-post", text: "New words,\r\nmine.\n\n")
        #expect(edited.text == "New words,\nmine.")
        #expect(edited.entry.words == 3)
        let stored = try String(contentsOf: vault.root.appendingPathComponent("library/2026-01-02-post.md"), encoding: .utf8)
        #expect(stored.contains("reviewer: Sam"), "unknown keys are kept")
        #expect(stored.contains("status: approved"))
        #expect(stored.hasSuffix("\nNew words,\nmine.\n"))
        #expect(try vault.git("log", "-1", "--format=%s").contains("library: edit 2026-01-02-post"))
        #expect(try vault.git("show", "--name-only", "--format=", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) == "library/2026-01-02-post.md")
        #expect(try vault.git("rev-parse", "HEAD") != before)

        let head = try vault.git("rev-parse", "HEAD")
        _ = try vault.workspace().library.editText("2026-01-02-post", text: "New words,\nmine.")
        #expect(try vault.git("rev-parse", "HEAD") == head, "the same text commits nothing")
        #expect(throws: LibraryEditError.emptyText(id: "2026-01-02-post")) {
            try vault.workspace().library.editText("2026-01-02-post", text: " \n ")
        }
        #expect(throws: LibraryError.self) { try vault.workspace().library.editText("nope", text: "x") }
    }

    @Test func theVoiceMapSeparatesTwoWritersAndIsDeterministic() throws {
        let vault = try Self.twoWriters()
        let map = try vault.workspace().pictures.voiceMap()
        let again = try vault.workspace().pictures.voiceMap()
        #expect(map == again)
        #expect(map.points.filter { $0.sample != nil }.count == 8)
        #expect(map.features.count == 60)
        #expect(map.explained.count == 2 && map.explained[0] >= map.explained[1] && map.explained[0] > 0)
        let tom = try #require(map.points.first { $0.clone == "Terse Tom" && $0.sample == nil })
        let olive = try #require(map.points.first { $0.clone == "Ornate Olive" && $0.sample == nil })
        // Every sample lies on its own writer's side of the first component.
        for point in map.points where point.sample != nil {
            let own = point.clone == "Terse Tom" ? tom : olive
            #expect((point.x > 0) == (own.x > 0), "\(point.clone) \(point.title)")
        }
        #expect((tom.x > 0) != (olive.x > 0))
    }

    @Test func theVoiceTreeJoinsTheTwoAlikeWritersFirstAndIsDeterministic() throws {
        let vault = try Self.twoWriters()
        _ = try vault.workspace().clones.create(name: "Brief Bea")
        for i in 0..<4 { try vault.writeSample(clone: "brief-bea", name: "b\(i).md", StyledText.terse(UInt64(10 + i))) }
        let tree = try vault.workspace().pictures.voiceTree()
        #expect(tree == (try vault.workspace().pictures.voiceTree()))
        #expect(Set(tree.voices) == ["Terse Tom", "Ornate Olive", "Brief Bea"])
        #expect(tree.joins.count == 2)
        let first = try #require(tree.joins.first)
        #expect(Set([tree.voices[first.left], tree.voices[first.right]]) == ["Terse Tom", "Brief Bea"], "\(tree)")
        #expect(abs(first.left - first.right) == 1, "joined voices are listed side by side")
        let last = try #require(tree.joins.last)
        #expect(Set([last.left, last.right]) == [tree.voices.firstIndex(of: "Ornate Olive")!, tree.voices.count])
        #expect(first.distance < last.distance)
        // One voice has nothing to group with.
        let alone = try TestVault()
        _ = try alone.workspace().clones.create(name: "Solo")
        for i in 0..<3 { try alone.writeSample(clone: "solo", name: "s\(i).md", StyledText.terse(UInt64(i))) }
        #expect(try alone.workspace().pictures.voiceTree().joins.isEmpty)
    }

    @Test func theMapAndTheTreeFromOneReadingAreTheOnesDrawnApart() throws {
        let vault = try Self.twoWriters()
        _ = try vault.workspace().clones.create(name: "Brief Bea")
        for i in 0..<4 { try vault.writeSample(clone: "brief-bea", name: "b\(i).md", StyledText.terse(UInt64(10 + i))) }
        let ws = try vault.workspace()
        let both = try ws.pictures.voiceMapAndTree(samplesPerVoice: 3)
        #expect(both.map == (try ws.pictures.voiceMap(samplesPerVoice: 3)))
        #expect(both.tree == (try ws.pictures.voiceTree(samplesPerVoice: 3)))
        #expect(both.tree.joins.count == 2 && both.map.points.count == 9 + 3)
    }

    @Test func typicalSentenceLengthsAreADistributionPeakingNearTheTypicalMean() {
        let bounds = [1, 6, 11, 16, 21, 26, 31, 41, 51]
        let bins: [(from: Int, to: Int?)] = bounds.indices.map { i in (bounds[i], i + 1 < bounds.count ? bounds[i + 1] - 1 : nil) }
        let shares = SentenceLengthReference.shares(forRanges: bins)
        #expect(abs(shares.reduce(0, +) - 1) < 0.01)
        let peak = shares.indices.max { shares[$0] < shares[$1] }!
        #expect(bins[peak].from == 11 || bins[peak].from == 16)
    }

    @Test func habitsAndTimelineComeFromTheDNA() throws {
        let vault = try Self.twoWriters()
        let ws = try vault.workspace()
        _ = try ws.dna.analyze("terse-tom")
        _ = try ws.dna.analyze("ornate-olive")
        let habits = try vault.workspace().pictures.habits(of: "terse-tom")
        #expect(habits.contains { $0.key == "punctuation.comma" })
        #expect(habits.allSatisfy { $0.key.hasPrefix("punctuation.") || $0.key.hasPrefix("formatting.") })
        #expect(habits.first { $0.key == "punctuation.comma" }?.others.map(\.clone) == ["Ornate Olive"])
        try vault.writeSample(clone: "terse-tom", name: "t9.md", StyledText.terse(9))
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "one more")
        _ = try vault.workspace().dna.analyze("terse-tom")
        let timeline = try vault.workspace().pictures.timeline(of: "terse-tom")
        #expect(timeline.map(\.revision.version) == [1, 2])
        #expect(timeline[0].largestChanges.isEmpty)
        #expect(!timeline[1].largestChanges.isEmpty)
    }

    @Test func aSamplesPropertiesAreListedInFileOrderWithUnknownOnesKept() throws {
        let vault = try Self.twoWriters()
        try vault.writeSample(clone: "terse-tom", name: "tagged.md",
                              "---\ntitle: Tagged\nsource: notes.docx\ncontent_type: blog\ntags: [work, short]\nadded: 2026-11-02\n---\n"
                                + StyledText.terse(9))
        let properties = try vault.workspace().samples.properties("terse-tom", id: "tagged")
        #expect(properties.map(\.key) == ["title", "source", "content_type", "tags", "added"])
        #expect(properties.first { $0.key == "tags" }?.value == "work, short")
        #expect(try vault.workspace().samples.properties("terse-tom", id: "t0").isEmpty, "no front matter, no properties")
        #expect(throws: (any Error).self) { try vault.workspace().samples.properties("terse-tom", id: "missing") }
    }

    @Test func aRevisionHasItsChangesFromThePreviousOneAsRowsAndTheHeadlineFeaturesHaveAHistory() throws {
        let vault = try Self.twoWriters()
        _ = try vault.workspace().dna.analyze("terse-tom")
        try vault.writeSample(clone: "terse-tom", name: "t9.md", StyledText.ornate(9))
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "one more")
        _ = try vault.workspace().dna.analyze("terse-tom")

        let first = try vault.workspace().dna.revision(of: "terse-tom", version: 1)
        #expect(first.previous == nil && first.changes.isEmpty)
        #expect(first.revision.commit != nil)
        let second = try vault.workspace().dna.revision(of: "terse-tom", version: 2)
        #expect(second.previous == 1)
        let diff = try vault.workspace().dna.diff(of: "terse-tom", from: 1, to: 2)
        #expect(second.changes.count == diff.changes.count, "the same changes `dna diff` reports")
        let added = try #require(second.changes.first { $0.feature == "samples added" })
        #expect(added.before == "—" && added.after.contains("t9"))
        let length = try #require(second.changes.first { $0.key == "sentences.mean_length" })
        #expect(length.feature == "sentence length")
        #expect(length.before.hasSuffix(" words") && length.after.hasSuffix(" words") && length.before != length.after)
        #expect(throws: DNAError.versionNotFound(clone: "terse-tom", version: 7, available: [1, 2])) {
            try vault.workspace().dna.revision(of: "terse-tom", version: 7)
        }

        let history = try vault.workspace().dna.featureHistory(of: "terse-tom")
        #expect(history.map(\.key) == DNAFeatureSeries.headlineKeys)
        let sentences = try #require(history.first)
        #expect(sentences.points.map(\.version) == [1, 2])
        #expect(sentences.points[1].value > sentences.points[0].value, "the ornate sample lengthened the sentences")
        #expect(sentences.points[0].formatted.hasSuffix(" words"))
    }

    @Test func keepingARewriteSavesKitsOwnRewriteAsACommittedDraft() throws {
        let vault = try Self.twoWriters()
        _ = try vault.workspace().dna.analyze("terse-tom")
        let draft = "In today's fast-paced world, it is important to note that leveraging synergies is crucial. " + StyledText.ornate(2)
        let shown = try vault.workspace().detection.rewrite(clone: "terse-tom", text: NamedText(file: "pasted text", text: draft))
        let kept = try vault.workspace().library.keepRewrite(clone: "Terse Tom", text: draft, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(kept.rewrite.text == shown.text, "the kept text is the one the page showed")
        #expect(kept.saved.status == .draft && kept.saved.clone == "terse-tom" && kept.saved.dnaVersion == 1)
        #expect(kept.saved.id.hasPrefix("2027-01-15-terse-tom-rewrite-in-today"))
        #expect(kept.saved.scores.voiceMatch == shown.after.voiceMatch && kept.saved.scores.aiLikeness == shown.after.aiLikeness)
        let document = try vault.workspace().library.document(kept.saved.id)
        #expect(document.text.trimmingCharacters(in: .whitespacesAndNewlines) == shown.text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try vault.git("log", "-1", "--format=%s").contains("library: save \(kept.saved.id)"))
        #expect(try vault.git("status", "--porcelain").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(throws: (any Error).self) { try vault.workspace().library.keepRewrite(clone: "ornate-olive", text: draft) }
    }
}

/// The key the web app caches its pictures under.
@Suite struct VoicesFingerprintTests {
    @Test func theKeyChangesWithACommitAndWithAnEditOnDiskAndOnlyThen() throws {
        let vault = try WebAppKitTests.twoWriters()
        let first = try vault.workspace().pictures.fingerprint()
        #expect(try vault.workspace().pictures.fingerprint() == first, "nothing changed, same key")

        let sample = vault.root.appendingPathComponent("clones/terse-tom/samples/t0.md")
        let text = try String(contentsOf: sample, encoding: .utf8)
        try (text + "One more line.\n").write(to: sample, atomically: true, encoding: .utf8)
        let edited = try vault.workspace().pictures.fingerprint()
        #expect(edited != first, "an uncommitted edit on disk changes the key")

        _ = try vault.git("commit", "-qam", "edit")
        let committed = try vault.workspace().pictures.fingerprint()
        #expect(committed != edited, "a commit changes the key")
        #expect(committed.hasPrefix(try vault.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)))

        try FileManager.default.removeItem(at: sample)
        #expect(try vault.workspace().pictures.fingerprint() != committed, "a removed file changes the key")
    }
}
