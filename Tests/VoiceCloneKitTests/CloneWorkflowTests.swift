import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

@Suite struct CloneWorkflowTests {
    @Test func createListRenameDelete() throws {
        let tv = try TestVault()
        let ws = try tv.workspace()
        let created = try ws.clones.create(name: "Ana María", description: "Engineer", tags: ["blog", "blog", "tech"])
        #expect(created.slug == "ana-maria")
        #expect(created.tags == ["blog", "tech"])
        #expect(FileManager.default.fileExists(atPath: tv.root.appendingPathComponent("clones/ana-maria/clone.md").path))
        #expect(throws: VaultError.self) { try ws.clones.create(name: "ana maria") }

        let renamed = try ws.clones.rename("Ana María", to: "Ana Blog")
        #expect(renamed.slug == "ana-blog")
        #expect(ws.clones.list().map(\.name) == ["Ana Blog"])
        #expect(!FileManager.default.fileExists(atPath: tv.root.appendingPathComponent("clones/ana-maria").path))

        let edited = try ws.clones.edit("ana-blog", CloneEdit(description: "Terse", addTags: ["ops"], removeTags: ["blog"]))
        #expect(edited.description == "Terse")
        #expect(edited.tags == ["tech", "ops"])

        _ = try ws.clones.delete("Ana Blog")
        #expect(ws.clones.list().isEmpty)
        let log = try tv.git("log", "--format=%s")
        #expect(log.contains("ana-blog: delete clone \"Ana Blog\""))
        #expect(log.contains("ana-blog: rename clone \"Ana María\" to \"Ana Blog\""))
        #expect(try tv.git("status", "--porcelain") == "")
    }

    @Test func samplesAreAddedOnceAndCommittedTogether() throws {
        let tv = try TestVault()
        let ws = try tv.workspace()
        _ = try ws.clones.create(name: "Bo")
        let src = TemporaryDirectory("src")
        try src.write("one.md", "---\ntitle: First Post\nmood: calm\n---\n\n# Ignored heading\n\nWords of the first post.\n")
        try src.write("two.txt", "Second text, plain.")
        try src.write("dup.txt", "\r\n# Ignored heading  \r\n\r\nWords of the first post.\r\n\r\n")
        try src.write("bad.txt", Data([0x61, 0xFF, 0xFE, 0x62]))
        let results = try ws.samples.add("Bo", inputs: [src.file("one.md").path, src.file("two.txt").path,
                                                        src.file("dup.txt").path, src.file("bad.txt").path, "/no/such/file"],
                                        options: SampleAddOptions(contentType: .essay))
        #expect(results.map(\.status) == [.added, .added, .skipped, .failed, .failed])
        #expect(results[0].sample?.title == "First Post")
        #expect(results[1].sample?.title == "two")
        #expect(results[2].duplicateOf == results[0].sample?.id)
        #expect(results[3].reason?.contains("UTF-8") == true)
        #expect(results[4].reason?.contains("no such file") == true)

        let samples = try ws.samples.list("bo")
        #expect(samples.count == 2)
        #expect(samples.allSatisfy { $0.contentType == "essay" })
        let first = try ws.samples.show("bo", id: results[0].sample!.id)
        #expect(first.text.contains("Words of the first post."))
        let file = try String(contentsOf: tv.root.appendingPathComponent(first.sample.path), encoding: .utf8)
        #expect(file.contains("mood: calm"))
        #expect(try tv.git("log", "-1", "--format=%s") == "bo: add 2 samples (10 words)\n")
        #expect(try tv.git("status", "--porcelain") == "")

        _ = try ws.samples.remove("bo", id: String(results[1].sample!.id.prefix(5)))
        #expect(try ws.samples.list("bo").count == 1)
        #expect(try tv.git("log", "-1", "--format=%s").hasPrefix("bo: remove sample"))
    }

    @Test func standardInputAndFolders() throws {
        let tv = try TestVault()
        let ws = try tv.workspace()
        _ = try ws.clones.create(name: "Cy")
        let src = TemporaryDirectory("src")
        try src.write("a/x.md", "Alpha words here.")
        try src.write("a/b/y.txt", "Beta words here.")
        try src.write("a/skip.png", "not text")
        let results = try ws.samples.add("cy", inputs: [src.file("a").path, "-"], standardInput: { Data("From a pipe.".utf8) })
        // The .png is reported as skipped, not silently left out.
        #expect(results.map(\.status) == [.added, .skipped, .added, .added])
        #expect(results[1].input.hasSuffix("skip.png"))
        #expect(results.last?.sample?.sourceType == "stdin")
    }

    @Test func userEditsAreNotSweptIntoToolCommits() throws {
        let tv = try TestVault()
        let ws = try tv.workspace()
        _ = try ws.clones.create(name: "Di")
        try tv.writeSample(clone: "di", name: "by-hand.md", "Typed in an editor, not committed.")
        let src = TemporaryDirectory("src")
        try src.write("new.md", "Added by the tool.")
        _ = try ws.samples.add("di", inputs: [src.file("new.md").path])
        #expect(try tv.git("status", "--porcelain").contains("?? clones/di/samples/by-hand.md"))
    }

    @Test func missingCloneSaysWhichExist() throws {
        let tv = try TestVault()
        let ws = try tv.workspace()
        _ = try ws.clones.create(name: "Eve")
        do {
            _ = try ws.samples.list("Mallory")
            Issue.record("expected an error")
        } catch {
            #expect(error.localizedDescription.contains("Eve"))
        }
    }

    @Test func initRefusesAnExistingVault() throws {
        let tv = try TestVault()
        #expect(throws: VaultError.self) { try VaultInitializer.initialize(at: tv.root) }
    }

    @Test func readOnlyVaultFailsCleanly() throws {
        let tv = try TestVault()
        let ws = try tv.workspace()
        _ = try ws.clones.create(name: "Fay")
        let before = try tv.git("status", "--porcelain")
        guard ReadOnly.make(tv.root) else { return } // the file system cannot be made read-only here
        defer { ReadOnly.undo(tv.root) }
        let src = TemporaryDirectory("src")
        try src.write("x.md", "Words that cannot be written.")
        #expect(throws: (any Error).self) {
            let results = try ws.samples.add("fay", inputs: [src.file("x.md").path])
            if results.contains(where: { $0.status == .failed }) { throw VaultError.notWritable("") }
        }
        #expect(throws: (any Error).self) { try ws.clones.create(name: "Gus") }
        ReadOnly.undo(tv.root)
        #expect(try tv.git("status", "--porcelain") == before)
        #expect(try tv.workspace().clones.list().map(\.name) == ["Fay"])
    }
}
