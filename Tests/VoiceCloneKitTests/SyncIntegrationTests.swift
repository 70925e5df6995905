import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

/// The integration rules of docs/sync.md, two machines against a bare repository.
@Suite struct SyncIntegrationTests {
    @Test func fastForwardsBothWays() throws {
        let f = try SyncFixture()
        let fromA = try addSample(try f.workspaceA(), clone: "alice", title: "Morning", text: "Coffee first, then the inbox, never the other way.")
        let first = try f.workspaceA().sync.run()
        #expect(first.outcome == .pushed)
        #expect(first.sentCommits == 1)

        let pulled = try f.workspaceB().sync.run()
        #expect(pulled.outcome == .fastForward)
        #expect(pulled.received.contains { $0.hasPrefix("clones/alice/samples/") })

        let fromB = try addSample(try f.workspaceB(), clone: "alice", title: "Evening", text: "The evening is for reading, not for replying.")
        #expect(try f.workspaceB().sync.run().outcome == .pushed)
        #expect(try f.workspaceA().sync.run().outcome == .fastForward)
        #expect(try f.workspaceA().sync.run().outcome == .upToDate)
        try expectConverged(f, written: [fromA, fromB])
    }

    @Test func divergentEditsToDifferentFilesAreBothKept() throws {
        let f = try SyncFixture()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "one", title: "One", body: "First draft of one.")
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "two", title: "Two", body: "First draft of two.")
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()

        // Hand edits in an editor on each machine, never committed by the user.
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "one", title: "One", body: "One, rewritten on the laptop.")
        try SyncFixture.writeSample(f.b, clone: "alice", id: "two", title: "Two", body: "Two, rewritten on the desktop.")
        let a = try f.workspaceA().sync.run()
        #expect(a.committed == ["clones/alice/samples/one.md"])
        let b = try f.workspaceB().sync.run()
        #expect(b.outcome == .merged)
        #expect(b.conflicts.isEmpty)
        #expect(b.committed == ["clones/alice/samples/two.md"])
        #expect(try f.workspaceA().sync.run().outcome == .fastForward)
        try expectConverged(f, written: ["One, rewritten on the laptop.", "Two, rewritten on the desktop."])
        #expect(!(SyncFixture.files(f.b).keys.contains { $0.contains(".local-") }))
        // The hand edits went in as one commit that lists them.
        let log = try ProcessRunner.git(["log", "--format=%s%n%b"], in: f.b)
        #expect(log.contains("Commit hand edits before sync: 1 file in alice"))
        #expect(log.contains("- clones/alice/samples/two.md"))
        #expect(log.contains("Sync with origin: merge 1 remote commit"))
    }

    @Test func samplesAddedOnBothSidesAreAllKept() throws {
        let f = try SyncFixture(clones: ["Alice", "Bob"])
        _ = try f.workspaceB().sync.run()
        var written: [String] = []
        for i in 1...3 {
            written.append(try addSample(try f.workspaceA(), clone: "alice", title: "A\(i)", text: "Laptop sample number \(i) about rivers."))
            written.append(try addSample(try f.workspaceB(), clone: "alice", title: "B\(i)", text: "Desktop sample number \(i) about mountains."))
        }
        written.append(try addSample(try f.workspaceB(), clone: "bob", title: "Bob", text: "Bob writes short."))
        _ = try f.workspaceA().sync.run()
        let merged = try f.workspaceB().sync.run()
        #expect(merged.outcome == .merged)
        #expect(merged.conflicts.isEmpty)
        _ = try f.workspaceA().sync.run()
        try expectConverged(f, written: written)
        #expect(try f.workspaceA().samples.list("alice").count == 6)
    }

    @Test func sameDNAVersionOnBothSidesKeepsBoth() throws {
        let f = try SyncFixture()
        let v1 = "{\n  \"version\" : 1,\n  \"words\" : 100\n}\n"
        try SyncFixture.write(f.a.root, "clones/alice/dna/v0001.json", v1)
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        let laptop = "{\n  \"version\" : 2,\n  \"words\" : 250\n}\n"
        let desktop = "{\n  \"version\" : 2,\n  \"words\" : 310\n}\n"
        try SyncFixture.write(f.a.root, "clones/alice/dna/v0002.json", laptop)
        try SyncFixture.write(f.b, "clones/alice/dna/v0002.json", desktop)
        _ = try f.workspaceA().sync.run()
        let b = try f.workspaceB().sync.run()
        #expect(b.outcome == .merged)
        // The remote's revision keeps its number; this vault's moves to the next free one.
        #expect(b.renumbered == [DNARenumbering(clone: "alice", from: "clones/alice/dna/v0002.json", to: "clones/alice/dna/v0003.json")])
        _ = try f.workspaceA().sync.run()
        try expectConverged(f, written: [v1, laptop, desktop], placeholderDNA: true)
        let dna = SyncFixture.voiceFiles(f.a.root)
        #expect(dna["clones/alice/dna/v0002.json"] == Data(laptop.utf8))
        #expect(dna["clones/alice/dna/v0003.json"] == Data(desktop.utf8))
        #expect(try f.workspaceA().index.clone(named: "alice")?.dnaVersions == [1, 2, 3])
        #expect(try f.workspaceA().history.log(clone: "alice").contains { $0.dnaRevisions.contains("alice/v3") })
    }

    /// Both sides analysed: `latest.json` conflicts too, and ends as a copy of the newest revision after renumbering.
    @Test func latestDNACopyFollowsTheRenumberedRevision() throws {
        let f = try SyncFixture()
        let v1 = "{\n  \"version\" : 1,\n  \"words\" : 100\n}\n"
        try SyncFixture.write(f.a.root, "clones/alice/dna/v0001.json", v1)
        try SyncFixture.write(f.a.root, "clones/alice/dna/latest.json", v1)
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        let laptop = "{\n  \"version\" : 2,\n  \"words\" : 250\n}\n"
        let desktop = "{\n  \"version\" : 2,\n  \"words\" : 310\n}\n"
        for (root, text) in [(f.a.root, laptop), (f.b, desktop)] {
            try SyncFixture.write(root, "clones/alice/dna/v0002.json", text)
            try SyncFixture.write(root, "clones/alice/dna/latest.json", text)
        }
        _ = try f.workspaceA().sync.run()
        let b = try f.workspaceB().sync.run()
        #expect(b.outcome == .merged)
        #expect(b.conflicts.isEmpty)
        #expect(b.renumbered.map(\.to) == ["clones/alice/dna/v0003.json"])
        _ = try f.workspaceA().sync.run()
        for root in [f.a.root, f.b] {
            let latest = try Data(contentsOf: root.appendingPathComponent("clones/alice/dna/latest.json"))
            #expect(try latest == Data(contentsOf: root.appendingPathComponent("clones/alice/dna/v0003.json")))
        }
    }

    @Test func sameSampleEditedOnBothSidesKeepsBothTexts() throws {
        let f = try SyncFixture()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "essay", title: "Essay", body: "The original paragraph.")
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "essay", title: "Essay", body: "The laptop's version of the paragraph.")
        try SyncFixture.writeSample(f.b, clone: "alice", id: "essay", title: "Essay", body: "The desktop's version of the paragraph.")
        _ = try f.workspaceA().sync.run()
        let b = try f.workspaceB().sync.run()
        let conflict = try #require(b.conflicts.first)
        #expect(b.conflicts.count == 1)
        #expect(conflict.kind == .editedOnBothSides)
        #expect(conflict.path == "clones/alice/samples/essay.md")
        let copy = try #require(conflict.localCopy)
        #expect(copy.hasPrefix("clones/alice/samples/essay.local-") && copy.hasSuffix(".md"))

        let text = try String(contentsOf: f.b.appendingPathComponent(conflict.path), encoding: .utf8)
        #expect(text.contains("The laptop's version"))
        let local = try String(contentsOf: f.b.appendingPathComponent(copy), encoding: .utf8)
        #expect(local.hasPrefix("---\nconflict_of: \"essay\"\ntitle: Essay\n"))
        #expect(local.contains("The desktop's version"))
        #expect(!text.contains("<<<<<<<") && !local.contains("<<<<<<<"))
        // The scanner reads it as a normal sample and says what to do.
        let warning = try f.workspaceB().checks.run().diagnostics.first { $0.path == copy }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("essay") == true)

        _ = try f.workspaceA().sync.run()
        try expectConverged(f, written: ["The laptop's version of the paragraph.", "The desktop's version of the paragraph."])

        // A person resolves it by deleting one file and syncing again.
        try FileManager.default.removeItem(at: f.b.appendingPathComponent(copy))
        #expect(try f.workspaceB().sync.run().committed == [copy])
        _ = try f.workspaceA().sync.run()
        #expect(!FileManager.default.fileExists(atPath: f.a.root.appendingPathComponent(copy).path))
    }

    @Test func deletedOnOneSideEditedOnTheOtherKeepsTheEdit() throws {
        let f = try SyncFixture()
        try SyncFixture.writeSample(f.a.root, clone: "alice", id: "keep", title: "Keep", body: "Before.")
        _ = try f.workspaceA().sync.run()
        _ = try f.workspaceB().sync.run()
        _ = try f.workspaceA().samples.remove("alice", id: "keep")
        try SyncFixture.writeSample(f.b, clone: "alice", id: "keep", title: "Keep", body: "After, edited on the desktop.")
        _ = try f.workspaceA().sync.run()
        let b = try f.workspaceB().sync.run()
        #expect(b.conflicts.map(\.kind) == [.editedHereDeletedThere])
        _ = try f.workspaceA().sync.run()
        try expectConverged(f, written: ["After, edited on the desktop."])
    }

    @Test func pushRejectedBecauseTheRemoteMovedIsRetried() throws {
        let f = try SyncFixture()
        _ = try f.workspaceB().sync.run()
        let fromA = try addSample(try f.workspaceA(), clone: "alice", title: "Race A", text: "Written on the laptop during the race.")
        let fromB = try addSample(try f.workspaceB(), clone: "alice", title: "Race B", text: "Written on the desktop during the race.")
        let a = f.a
        // Between B's fetch and B's push, A pushes: B's first push is refused.
        let report = try f.workspaceB().sync.run(SyncOptions(beforePush: { attempt in
            if attempt == 1 { _ = try a.workspace().sync.run() }
        }))
        #expect(report.attempts == 2)
        #expect(report.rejectedPushes.count == 1)
        #expect(report.outcome == .merged)
        _ = try f.workspaceA().sync.run()
        try expectConverged(f, written: [fromA, fromB])
    }

    @Test func largeVaultSyncs() throws {
        let f = try SyncFixture(clones: ["Alice", "Bob", "Carol"])
        _ = try f.workspaceB().sync.run()
        var written: [String] = []
        for i in 0..<300 {
            let clone = ["alice", "bob", "carol"][i % 3]
            let body = "Sample \(i) from the laptop: " + String(repeating: "word\(i) ", count: 40)
            try SyncFixture.writeSample(f.a.root, clone: clone, id: "laptop-\(i)", title: "L\(i)", body: body)
            written.append(body)
        }
        for i in 0..<60 {
            let body = "Sample \(i) from the desktop: " + String(repeating: "term\(i) ", count: 40)
            try SyncFixture.writeSample(f.b, clone: "carol", id: "desktop-\(i)", title: "D\(i)", body: body)
            written.append(body)
        }
        #expect(try f.workspaceA().sync.run().committed.count == 300)
        let b = try f.workspaceB().sync.run()
        #expect(b.outcome == .merged)
        #expect(b.received.count == 300)
        _ = try f.workspaceA().sync.run()
        try expectConverged(f, written: written)
        #expect(try f.workspaceA().samples.list("carol").count == 160)
    }
}
