import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

/// `library diff`, `learn` and `library promote`: the writer's edits of saved pieces, found through git history.
@Suite struct LearnFromEditsTests {
    typealias F = GenerateFixtures

    static let drafts = [
        "So, we leverage the new runner for every build.\n\nIt is quick, and it leverages the cache well.",
        "So the team can leverage fresh tools this spring.\n\nNobody misses the old scripts.",
        "We leverage small changes every day.\n\nSo the release is never a surprise.",
    ]

    /// What the writer did to each draft: "leverage" → "use", no sentence-initial "So".
    static func edit(_ draft: String) -> String {
        draft.replacingOccurrences(of: "leverages", with: "uses").replacingOccurrences(of: "leverage", with: "use")
            .replacingOccurrences(of: "So, we", with: "We").replacingOccurrences(of: "So the", with: "The")
    }

    /// Saves the drafts as library pieces of `wren-hale` (as `generate --save` does) and returns them.
    static func save(_ ws: Workspace, _ drafts: [String], platform: String = "blog") throws -> [LibraryEntry] {
        try ws.library.saveToLibrary(drafts.enumerated().map { i, text in
            (LibraryEntry(id: "2026-09-2\(i)-wren-hale-piece", path: "", clone: "wren-hale", dnaVersion: nil,
                          platform: platform, provider: "local", model: "kneser-ney-4gram", prompt: "piece \(i)", seed: UInt64(i),
                          scores: LibraryScores(voiceMatch: nil, longestCopiedRun: nil, aiLikeness: nil),
                          created: "2026-09-2\(i)T10:00:00Z", status: .draft, words: 0), text)
        })
    }

    /// Replaces a piece's body in its file, keeping the front matter, as an editor would.
    static func rewriteBody(_ root: URL, _ entry: LibraryEntry, _ transform: (String) -> String) throws {
        let url = root.appendingPathComponent(entry.path)
        let file = try String(contentsOf: url, encoding: .utf8)
        let parts = file.components(separatedBy: "\n---\n")
        let body = parts.dropFirst().joined(separator: "\n---\n")
        try Data((parts[0] + "\n---\n" + transform(body)).utf8).write(to: url)
    }

    @Test func diffShowsTheWritersEditsSinceTheSavedDraft() throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        let saved = try Self.save(ws, [Self.drafts[0]])
        let file = try #require(vault.directory.read(saved[0].path))
        #expect(file.contains("draft_sha256: "), "the draft's hash, not a second copy of it")
        #expect(file.components(separatedBy: "leverage the new runner").count == 2)

        let untouched = try ws.library.diff(saved[0].id)
        #expect(untouched.unchanged && untouched.changedShare == 0)

        try Self.rewriteBody(vault.root, saved[0], Self.edit)
        let diff = try ws.library.diff(saved[0].id)
        #expect(!diff.unchanged)
        #expect(diff.inline.hasPrefix("[-So,-] We [-leverage-] {+use+} the new runner for every build."))
        #expect(diff.inline.contains("\n\nIt is quick, and it [-leverages-] {+uses+} the cache well."))
        #expect(diff.wordsBefore == 18 && diff.wordsAfter == 17 && diff.wordsKept == 15)
        #expect(diff.draftCommit.count == 8)
        // Committed edits and a status change do not move the draft.
        _ = try ws.library.setStatus(saved[0].id, to: .approved)
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "my edits")
        #expect(try vault.workspace().library.diff(saved[0].id).inline == diff.inline)
    }

    @Test func aPieceNeverCommittedHasNoDraft() throws {
        let vault = try F.vault()
        try vault.directory.write("library/by-hand.md", "---\nid: by-hand\nclone: wren-hale\nstatus: approved\n---\n\nHand text.\n")
        #expect(throws: LibraryError.noSavedDraft(id: "by-hand")) { try vault.workspace().library.diff("by-hand") }
        let (pieces, warnings) = try vault.workspace().library.editedPieces(clone: "wren-hale")
        #expect(pieces.isEmpty && warnings.count == 1 && warnings[0].hasPrefix("by-hand: no saved draft"))
    }

    @Test func learnStoresLessonsInTheDNAAndCommitsThem() throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        _ = try ws.dna.analyze("wren-hale")
        let saved = try Self.save(ws, Self.drafts)
        for entry in saved {
            try Self.rewriteBody(vault.root, entry, Self.edit)
            _ = try ws.library.setStatus(entry.id, to: .approved)
        }
        // Drafts are not learned from: only approved and published pieces.
        let draftOnly = try Self.save(ws, ["So we leverage nothing here."])
        try Self.rewriteBody(vault.root, draftOnly[0], Self.edit)

        let report = try ws.dna.learn("Wren Hale")
        #expect(report.pieces == 3 && report.editedPieces == 3)
        #expect(report.summary.contains("you replaced 'leverage' with 'use' in 3 of 3 drafts that had it"))
        #expect(report.summary.contains("you cut 'so' at the start of a sentence in 3 of 3 drafts that had it"))
        #expect(!report.summary.contains { $0.contains("leverages") }, "seen in one piece only")
        let stored = try #require(report.dna)
        #expect(stored.status == .written && stored.version == 2)
        let subject = try vault.git("log", "-1", "--format=%s").trimmingCharacters(in: .newlines)
        #expect(subject == "wren-hale: learn \(report.lessons.count) lessons from 3 edited pieces")
        #expect(try vault.git("show", "--stat", "--format=", "HEAD").contains("clones/wren-hale/dna/v0002.json"))

        let dna = try ws.dna.load(of: "wren-hale")
        #expect(dna.edits?.lessons == report.lessons)
        let bytes = try ws.dna.fileData(of: "wren-hale")
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"cut_sentence_start\""))

        // Same pieces, same bytes: nothing new to write, from learn or from analyze.
        #expect(try vault.workspace().dna.learn("wren-hale").dna?.status == .unchanged)
        #expect(try vault.workspace().dna.analyze("wren-hale").status == .unchanged)
        #expect(try vault.workspace().dna.fileData(of: "wren-hale") == bytes)
        #expect(try vault.git("status", "--porcelain").contains("library/"), "learn commits the DNA, not the writer's files")
    }

    @Test func learnWithoutApprovedPiecesSaysWhatToDo() throws {
        let vault = try F.vault()
        let report = try vault.workspace().dna.learn("wren-hale")
        #expect(report.dna == nil && report.lessons.isEmpty)
        #expect(report.warnings.last?.contains("library set-status ID approved") == true)
    }

    @Test func learnOnAnUnanalysedCloneAnalysesIt() throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        for entry in try Self.save(ws, Self.drafts) {
            try Self.rewriteBody(vault.root, entry, Self.edit)
            _ = try ws.library.setStatus(entry.id, to: .published)
        }
        let report = try ws.dna.learn("wren-hale", options: EditMiningOptions(minSupport: 3))
        #expect(report.dna?.version == 1 && report.minSupport == 3)
        #expect(try ws.dna.load(of: "wren-hale").edits?.minSupport == 3)
    }

    @Test func promoteTurnsAnApprovedPieceIntoAnAIAssistedSample() throws {
        let vault = try F.vault()
        let ws = try vault.workspace()
        let saved = try Self.save(ws, [Self.drafts[1]])
        #expect(throws: LibraryError.notApproved(id: saved[0].id, status: .draft)) { try ws.library.promote(saved[0].id) }
        try Self.rewriteBody(vault.root, saved[0], Self.edit)
        _ = try ws.library.setStatus(saved[0].id, to: .approved)
        let result = try vault.workspace().library.promote(saved[0].id)
        #expect(result.clone == "wren-hale" && result.sample.aiAssisted)
        #expect(result.editedShare == 0.143)  // 12 of 14 draft words kept
        let file = try #require(vault.directory.read(result.sample.path))
        #expect(file.contains("ai_assisted: true") && file.contains("edited_share: 0.143"))
        #expect(file.contains("library_piece: \(saved[0].id)"))
        #expect(file.contains("The team can use fresh tools this spring."))
        let subject = try vault.git("log", "-1", "--format=%s").trimmingCharacters(in: .newlines)
        #expect(subject == "wren-hale: promote library piece \(saved[0].id) to a sample (14% of words edited)")
        let touched = try vault.git("show", "--name-only", "--format=", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(touched == result.sample.path)
        // The same text twice is refused.
        #expect(throws: VaultError.self) { try vault.workspace().library.promote(saved[0].id) }
    }

    @Test func aPieceEditedOnTwoMachinesAndSynced() throws {
        let f = try SyncFixture(clones: [])
        let wsA = try f.workspaceA()
        _ = try wsA.clones.create(name: "Wren Hale")
        let saved = try Self.save(wsA, [Self.drafts[0], Self.drafts[2]])
        #expect(try f.workspaceA().sync.run().outcome == .pushed)
        _ = try f.workspaceB().sync.run()

        // The laptop edits the first paragraph of the first piece, the desktop its second, and approves both.
        try Self.rewriteBody(f.a.root, saved[0]) { $0.replacingOccurrences(of: "So, we leverage", with: "We use") }
        try Self.rewriteBody(f.b, saved[0]) { $0.replacingOccurrences(of: "it leverages", with: "it uses") }
        try Self.rewriteBody(f.b, saved[1]) { Self.edit($0) }
        _ = try f.workspaceB().library.setStatus(saved[1].id, to: .approved)
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        _ = try f.workspaceA().sync.run()
        for ws in [try f.workspaceA(), try f.workspaceB()] {
            let diff = try ws.library.diff(saved[0].id)
            #expect(diff.inline == "[-So,-] We [-leverage-] {+use+} the new runner for every build.\n\n"
                + "It is quick, and it [-leverages-] {+uses+} the cache well.")
            #expect(try ws.library.diff(saved[1].id).inline.contains("[-leverage-] {+use+}"))
        }
        _ = try f.workspaceA().library.setStatus(saved[0].id, to: .approved)
        let lessons = try #require(try f.workspaceA().library.editLessons(clone: "wren-hale").lessons)
        #expect(lessons.pieces == 2)
        let replace = try #require(lessons.lessons(of: .replace).first)
        #expect(replace.before == "leverage" && replace.after == "use" && replace.support == 2)
    }
}
