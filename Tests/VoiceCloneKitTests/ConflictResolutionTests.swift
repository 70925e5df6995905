import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

/// Choosing a side of a sample sync kept in two copies: the chosen text stays, the mark goes, and exactly the
/// touched files are committed.
@Suite struct ConflictResolutionTests {
    /// Machine B ends up with the laptop's (A's) text at `essay.md` and its own desktop text in a marked copy.
    func conflicted() throws -> (SyncFixture, PendingConflict) {
        let f = try SyncFixture()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "essay", title: "Essay", body: "The original paragraph.")
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "essay", title: "Essay", body: "The laptop's version of the paragraph.")
        try SyncFixture.writeSample(f.b, clone: "alice", id: "essay", title: "Essay", body: "The desktop's version of the paragraph.")
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        let pending = try f.workspaceB().sync.conflicts()
        #expect(pending.count == 1)
        return (f, try #require(pending.first))
    }

    func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func lastCommitFiles(_ root: URL) throws -> [String] {
        try ProcessRunner.git(["show", "--name-only", "--format=", "HEAD"], in: root).split(separator: "\n").map(String.init).sorted()
    }

    @Test func listsBothTextsOfAConflict() throws {
        let (_, conflict) = try conflicted()
        #expect(conflict.clone == "alice")
        #expect(conflict.sampleID == "essay")
        #expect(conflict.path == "clones/alice/samples/essay.md")
        #expect(conflict.localCopy.hasPrefix("clones/alice/samples/essay.local-"))
        #expect(conflict.theirs?.contains("The laptop's version") == true)
        #expect(conflict.mine.contains("The desktop's version"))
        #expect(!conflict.mine.contains("conflict_of"))
    }

    @Test func keepingMineReplacesTheRemotesTextAndRemovesTheCopy() throws {
        let (f, conflict) = try conflicted()
        let result = try f.workspaceB().sync.resolve(localCopy: conflict.localCopy, keep: .mine)
        #expect(result.written == [conflict.path] && result.removed == [conflict.localCopy])
        let kept = try text(f.b, conflict.path)
        #expect(kept == "---\ntitle: Essay\ncontent_type: blog\nai_assisted: false\n---\n\nThe desktop's version of the paragraph.\n")
        #expect(!FileManager.default.fileExists(atPath: f.b.appendingPathComponent(conflict.localCopy).path))
        #expect(try lastCommitFiles(f.b) == [conflict.path, conflict.localCopy].sorted())
        #expect(try ProcessRunner.git(["log", "-1", "--format=%s"], in: f.b).contains("alice: resolve sync conflict on essay: kept this vault's text"))
        #expect(try ProcessRunner.git(["status", "--porcelain"], in: f.b) == "")
        #expect(try f.workspaceB().sync.conflicts().isEmpty)
        // The choice travels: after both sync, both machines hold the desktop's text.
        _ = try f.workspaceB().sync.run()
        _ = try f.workspaceA().sync.run()
        #expect(try text(f.a.root, conflict.path).contains("The desktop's version"))
    }

    @Test func keepingTheirsRemovesOnlyTheCopy() throws {
        let (f, conflict) = try conflicted()
        let before = try text(f.b, conflict.path)
        let result = try f.workspaceB().sync.resolve(localCopy: conflict.localCopy, keep: .theirs)
        #expect(result.written.isEmpty && result.removed == [conflict.localCopy])
        #expect(try text(f.b, conflict.path) == before)
        #expect(!FileManager.default.fileExists(atPath: f.b.appendingPathComponent(conflict.localCopy).path))
        #expect(try lastCommitFiles(f.b) == [conflict.localCopy])
        #expect(try f.workspaceB().sync.conflicts().isEmpty)
    }

    @Test func keepingBothLeavesTwoOrdinarySamples() throws {
        let (f, conflict) = try conflicted()
        _ = try f.workspaceB().sync.resolve(localCopy: conflict.localCopy, keep: .both)
        let copy = try text(f.b, conflict.localCopy)
        #expect(copy == "---\ntitle: Essay\ncontent_type: blog\nai_assisted: false\n---\n\nThe desktop's version of the paragraph.\n")
        #expect(try text(f.b, conflict.path).contains("The laptop's version"))
        #expect(try lastCommitFiles(f.b) == [conflict.localCopy])
        #expect(try f.workspaceB().sync.conflicts().isEmpty)
        let warnings = try f.workspaceB().checks.run().diagnostics.filter { $0.path == conflict.localCopy }
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func refusesAPathThatIsNotAConflictCopy() throws {
        let (f, conflict) = try conflicted()
        let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: f.b)
        #expect(throws: ConflictError.notAConflictCopy(conflict.path)) {
            try f.workspaceB().sync.resolve(localCopy: conflict.path, keep: .mine)
        }
        #expect(throws: ConflictError.notAConflictCopy("../../etc/passwd")) {
            try f.workspaceB().sync.resolve(localCopy: "../../etc/passwd", keep: .theirs)
        }
        #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: f.b) == head)
        #expect(try f.workspaceB().sync.conflicts().count == 1)
    }

    @Test func theirsIsRefusedWhenTheRemotesCopyIsGone() throws {
        let (f, conflict) = try conflicted()
        try FileManager.default.removeItem(at: f.b.appendingPathComponent(conflict.path))
        #expect(throws: ConflictError.remoteCopyMissing(copy: conflict.localCopy, original: conflict.path)) {
            try f.workspaceB().sync.resolve(localCopy: conflict.localCopy, keep: .theirs)
        }
        #expect(FileManager.default.fileExists(atPath: f.b.appendingPathComponent(conflict.localCopy).path))
        _ = try f.workspaceB().sync.resolve(localCopy: conflict.localCopy, keep: .mine)
        #expect(try text(f.b, conflict.path).contains("The desktop's version"))
    }

    @Test func aConflictCopyIsMarkedInTheSampleListsAndLeftOutOfTheDNA() throws {
        let (f, conflict) = try conflicted()
        let samples = try f.workspaceB().samples.list("alice")
        let copy = try #require(samples.first { $0.path == conflict.localCopy })
        #expect(copy.conflictOf == "essay")
        #expect(samples.filter { $0.conflictOf != nil }.count == 1, "the remote's copy is an ordinary sample")
        #expect(try f.workspaceB().clones.show("alice").samples.first { $0.path == conflict.localCopy }?.conflictOf == "essay")
        let json = try #require(try JSONSerialization.jsonObject(with: ReportJSON.data(copy)) as? [String: Any])
        #expect(json["conflict_of"] as? String == "essay", "\(json)")
        _ = try f.workspaceB().sync.resolve(localCopy: conflict.localCopy, keep: .both)
        #expect(try f.workspaceB().samples.list("alice").allSatisfy { $0.conflictOf == nil }, "resolved: no mark left")
    }

    @Test func aConflictIsNamedByItsSampleIDOrTheCopysOwnID() throws {
        let (f, conflict) = try conflicted()
        #expect(conflict.needs == nil, "the id alone names it")
        #expect(try f.workspaceB().sync.conflictCopy(sample: "essay") == conflict.localCopy)
        #expect(try f.workspaceB().sync.conflictCopy(sample: "essay", clone: "Alice") == conflict.localCopy)
        let ownID = String((conflict.localCopy as NSString).lastPathComponent.dropLast(3))
        #expect(try f.workspaceB().sync.conflictCopy(sample: ownID) == conflict.localCopy)
        let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: f.b)
        #expect(throws: ConflictError.noConflictOnSample("other", clone: nil)) {
            try f.workspaceB().sync.resolve(sample: "other", keep: .mine)
        }
        #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: f.b) == head)
        let result = try f.workspaceB().sync.resolve(sample: "essay", keep: .theirs)
        #expect(result.removed == [conflict.localCopy] && result.sampleID == "essay")
        #expect(throws: ConflictError.noConflictOnSample("essay", clone: "alice")) {
            try f.workspaceB().sync.resolve(sample: "essay", clone: "alice", keep: .mine)
        }
    }

    @Test func twoCopiesOfOneSampleNeedTheirPathsAndTheSameIDInTwoVoicesNeedsTheClone() throws {
        let (f, conflict) = try conflicted()
        // A second copy of the same sample (a second sync conflict on it), and a conflict on "essay" in another voice.
        let second = conflict.localCopy.replacingOccurrences(of: ".md", with: "-2.md")
        try FileManager.default.copyItem(at: f.b.appendingPathComponent(conflict.localCopy), to: f.b.appendingPathComponent(second))
        _ = try f.workspaceB().clones.create(name: "Bob")
        try SyncFixture.writeSample(f.b, clone: "bob", id: "essay", title: "Essay", body: "Bob's remote text.")
        let bobCopy = "clones/bob/samples/essay.local-0000000.md"
        try "---\nconflict_of: \"essay\"\ntitle: Essay\n---\n\nBob's own text.\n".write(to: f.b.appendingPathComponent(bobCopy), atomically: true, encoding: .utf8)
        let pending = try f.workspaceB().sync.conflicts()
        #expect(pending.count == 3)
        #expect(pending.filter { $0.clone == "alice" }.allSatisfy { $0.needs == .localCopy })
        #expect(pending.first { $0.clone == "bob" }?.needs == .clone)
        #expect(throws: ConflictError.ambiguousSample("essay", copies: [conflict.localCopy, second, bobCopy].sorted())) {
            try f.workspaceB().sync.resolve(sample: "essay", keep: .mine)
        }
        #expect(try f.workspaceB().sync.conflictCopy(sample: "essay", clone: "bob") == bobCopy)
        let ambiguous = ConflictError.ambiguousSample("essay", copies: [conflict.localCopy, second])
        #expect(ambiguous.localizedDescription.contains("name the copy to resolve by its path"))
    }

    @Test func unmarkingKeepsEveryOtherByte() {
        let marked = ConflictResolver.markConflict(Data("---\r\ntitle: A\r\n---\r\n\r\nBody.\r\n".utf8), of: "a")
        #expect(ConflictResolver.unmarkConflict(marked) == Data("---\r\ntitle: A\r\n---\r\n\r\nBody.\r\n".utf8))
        let bare = ConflictResolver.markConflict(Data("Just text.\n".utf8), of: "b")
        #expect(ConflictResolver.unmarkConflict(bare) == Data("Just text.\n".utf8))
        let unmarkedAlready = Data("---\ntitle: C\n---\nText\n".utf8)
        #expect(ConflictResolver.unmarkConflict(unmarkedAlready) == unmarkedAlready)
    }
}
