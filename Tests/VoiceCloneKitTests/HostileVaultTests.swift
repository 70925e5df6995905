import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

/// Issue 15: links out of the vault, hostile front matter and DNA names, config type errors, lost updates and
/// git states. Every fixture (links, files, git states) is made by the test itself.
@Suite struct HostileVaultTests {
    static func vaultWithSamples() throws -> TestVault {
        let vault = try TestVault()
        let ws = try vault.workspace()
        _ = try ws.clones.create(name: "Terse Tom")
        _ = try ws.clones.create(name: "Ornate Olive")
        for i in 0..<2 {
            try vault.writeSample(clone: "terse-tom", name: "t\(i).md", "---\ntitle: T\(i)\n---\n" + StyledText.terse(UInt64(i)))
            try vault.writeSample(clone: "ornate-olive", name: "o\(i).md", "---\ntitle: O\(i)\n---\n" + StyledText.ornate(UInt64(i)))
        }
        _ = try vault.git("add", "-A")
        _ = try vault.git("commit", "-qm", "samples")
        return vault
    }

    // MARK: - 1. Symbolic links

    @Test func aLinkedSampleIsNeverReadAndCheckNamesIt() throws {
        let vault = try Self.vaultWithSamples()
        let outside = TemporaryDirectory("outside")
        defer { withExtendedLifetime(outside) {} }
        let secret = try outside.write("credentials.yaml", "openai:\n  api_key: sk-SECRETKEYSECRETKEYSECRETKEY1234\n")
        try FileManager.default.createSymbolicLink(
            at: vault.root.appendingPathComponent("clones/terse-tom/samples/notes.md"), withDestinationURL: secret)
        let ws = try vault.workspace()
        let report = ws.checks.run()
        #expect(!report.ok)
        #expect(report.diagnostics.contains { $0.path == "clones/terse-tom/samples/notes.md" && $0.message.contains("symbolic link") })
        #expect(try ws.samples.list("terse-tom").map(\.id) == ["t0", "t1"])
        let result = try ws.dna.analyze("terse-tom")
        let dna = try String(contentsOf: vault.root.appendingPathComponent(result.path), encoding: .utf8)
        #expect(!dna.contains("SECRETKEY"))
    }

    @Test func linkedFoldersDNAAndManifestAreRefused() throws {
        let vault = try Self.vaultWithSamples()
        let outside = TemporaryDirectory("outside")
        defer { withExtendedLifetime(outside) {} }
        try outside.write("samples/stolen.md", "Words from outside the vault that must never be read as a sample.")
        try outside.write("clone.md", "---\nname: Evil\n---\n")
        try outside.write("v0001.json", "{}")
        let clones = vault.root.appendingPathComponent("clones")
        // A clone folder that is a link, a samples folder that is a link, a DNA revision that is a link.
        try FileManager.default.createSymbolicLink(at: clones.appendingPathComponent("evil"), withDestinationURL: outside.url)
        try FileManager.default.createDirectory(at: clones.appendingPathComponent("ornate-olive/dna"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: clones.appendingPathComponent("ornate-olive/dna/v0001.json"), withDestinationURL: outside.url.appendingPathComponent("v0001.json"))
        try FileManager.default.removeItem(at: clones.appendingPathComponent("terse-tom/samples"))
        try FileManager.default.createSymbolicLink(
            at: clones.appendingPathComponent("terse-tom/samples"), withDestinationURL: outside.url.appendingPathComponent("samples"))
        let ws = try vault.workspace()
        let paths = Set(ws.checks.run().diagnostics.filter { $0.message.contains("symbolic link") }.map(\.path))
        #expect(paths == ["clones/evil", "clones/ornate-olive/dna/v0001.json", "clones/terse-tom/samples"])
        #expect(ws.clones.list().map(\.slug) == ["ornate-olive", "terse-tom"])
        #expect(try ws.samples.list("terse-tom").isEmpty)
        #expect(try ws.dna.versions(of: "ornate-olive").isEmpty)
    }

    @Test func aLinkedLibraryPieceIsNotRead() throws {
        let vault = try TestVault()
        let outside = TemporaryDirectory("outside")
        defer { withExtendedLifetime(outside) {} }
        let secret = try outside.write("piece.md", "---\nid: piece\nclone: x\nstatus: draft\n---\nPRIVATE WORDS FROM OUTSIDE\n")
        try FileManager.default.createDirectory(at: vault.root.appendingPathComponent("library"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: vault.root.appendingPathComponent("library/piece.md"), withDestinationURL: secret)
        let (entries, problems) = try vault.workspace().library.entries()
        #expect(entries.isEmpty)
        #expect(problems.contains { $0.contains("library/piece.md") && $0.contains("symbolic link") })
        #expect(!problems.joined().contains("PRIVATE WORDS"))
    }

    @Test func aLinkedConfigIsRefused() throws {
        let vault = try TestVault()
        let outside = TemporaryDirectory("outside")
        defer { withExtendedLifetime(outside) {} }
        let config = try outside.write("config.yaml", "format_version: 1\n")
        let url = vault.root.appendingPathComponent(".voiceclone/config.yaml")
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: config)
        #expect(throws: VaultError.symbolicLink(".voiceclone/config.yaml")) { _ = try vault.workspace() }
    }

    @Test func importsRefuseLinksAndEveryRouteHoldsTheSizeLimit() throws {
        let vault = try Self.vaultWithSamples()
        let ws = try vault.workspace()
        let outside = TemporaryDirectory("outside")
        defer { withExtendedLifetime(outside) {} }
        let target = try outside.write("real.md", "# Real\n\nA note with enough words in it to be a fine sample for anyone.\n")
        let link = outside.url.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let results = try ws.samples.add("terse-tom", inputs: [link.path])
        #expect(results.map(\.status) == [.failed])
        #expect(results[0].reason?.contains("symbolic link") == true)
        #expect(results[0].reason?.contains(target.path) == true)
        // The folder route: the link inside is refused by name, the real file is added.
        let folder = try ws.samples.add("terse-tom", inputs: [outside.url.path])
        #expect(folder.filter { $0.status == .added }.count == 1)
        #expect(folder.contains { $0.status == .failed && $0.input.hasSuffix("link.md") })
        // Standard input over the limit is refused (the reader stops one byte past it).
        let big = Data(count: VaultScanner.maxSampleBytes + 1)
        let piped = try ws.samples.add("terse-tom", inputs: ["-"], standardInput: { big })
        #expect(piped.map(\.status) == [.failed])
        #expect(piped[0].reason?.contains("limit") == true)
    }

    // MARK: - 3. Front matter aliases

    @Test func aliasBombInFrontMatterIsRefused() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let text = "---\n" + yaml + "---\n\nBody words here.\n"
        #expect(text.utf8.count < 1_000)
        #expect {
            _ = try FrontMatter.parse(text)
        } throws: { error in
            (error as? FrontMatterError)?.reason.contains("aliases") == true
        }
        // A modest, legitimate alias still works.
        let fine = try FrontMatter.parse("---\nbase: &b [x, y]\ncopy: *b\n---\nbody\n")
        #expect(fine.fields?.count == 2)
    }

    /// A refused file is not a sample, so the DNA is built without it; `analyze` says so, naming the file and the
    /// fault, instead of counting one sample fewer in silence.
    @Test func analyzeNamesTheSampleFilesItCouldNotCount() throws {
        let vault = try Self.vaultWithSamples()
        try vault.writeSample(clone: "terse-tom", name: "broken.md", "---\ntitle: [unclosed\n---\n\nWords.\n")
        let stored = try vault.workspace().dna.analyze("terse-tom")
        #expect(stored.samples == 2)
        let warning = try #require(stored.warnings.first { $0.contains("not counted") })
        #expect(warning.hasPrefix("1 file in clones/terse-tom/samples/ could not be read"))
        #expect(warning.contains("clones/terse-tom/samples/broken.md:"))
        // The other clone's samples folder is not this clone's business.
        #expect(try vault.workspace().dna.analyze("ornate-olive").warnings.allSatisfy { !$0.contains("not counted") })
    }

    // MARK: - 4. DNA names, corrupt DNA, config types

    @Test func aHugeDNAVersionNameDoesNotCrash() throws {
        let vault = try Self.vaultWithSamples()
        let dna = vault.root.appendingPathComponent("clones/terse-tom/dna")
        try FileManager.default.createDirectory(at: dna, withIntermediateDirectories: true)
        try "{}".write(to: dna.appendingPathComponent("v9223372036854775807.json"), atomically: true, encoding: .utf8)
        let result = try vault.workspace().dna.analyze("terse-tom")
        #expect(result.version == 1)
        #expect(DNAFileName.version(of: "v9223372036854775807.json") == nil)
    }

    @Test func corruptDNAIsReportedByCheck() throws {
        let vault = try Self.vaultWithSamples()
        let result = try vault.workspace().dna.analyze("terse-tom")
        try "{ not json".write(to: vault.root.appendingPathComponent(result.path), atomically: true, encoding: .utf8)
        let report = try vault.workspace().checks.run()
        #expect(!report.ok)
        let diagnostic = try #require(report.diagnostics.first { $0.path == result.path })
        #expect(diagnostic.message.contains("git checkout"))
    }

    @Test func aConfigValueOfTheWrongTypeNamesKeyFileAndType() throws {
        let vault = try TestVault()
        let url = vault.root.appendingPathComponent(".voiceclone/config.yaml")
        try "format_version: 1\nauthor:\n  name: [a, b]\n  email: x@y\n".write(to: url, atomically: true, encoding: .utf8)
        #expect {
            _ = try vault.workspace()
        } throws: { error in
            let message = error.localizedDescription
            return message.contains("author.name") && message.contains("config.yaml") && message.contains("single value")
                && !message.contains("DecodingError") && !message.contains("typeMismatch")
        }
    }

    // MARK: - 5. Lost updates

    @Test func concurrentTagEditsAreAllKept() throws {
        let vault = try Self.vaultWithSamples()
        let root = vault.root
        let tags = (0..<8).map { "tag\($0)" }
        let failures = LockedList()
        DispatchQueue.concurrentPerform(iterations: tags.count) { i in
            do {
                let ws = try Workspace(vault: Vault(root: root), environment: [:])
                _ = try ws.clones.edit("terse-tom", CloneEdit(addTags: [tags[i]]))
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.items.isEmpty)
        let final = try vault.workspace().clones.show("terse-tom").clone.tags
        #expect(Set(final) == Set(tags))
        #expect(try vault.git("status", "--porcelain") == "")
    }

    @Test func concurrentAnalyzeAllBothSucceed() throws {
        let vault = try Self.vaultWithSamples()
        let root = vault.root
        let failures = LockedList()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let ws = try Workspace(vault: Vault(root: root), environment: [:])
                for result in try ws.dna.analyzeAll() {
                    if case .failure(let failure) = result { failures.append(failure.message) }
                }
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.items.isEmpty)
        #expect(try vault.workspace().dna.versions(of: "terse-tom") == [1])
        #expect(try vault.git("status", "--porcelain") == "")
    }

    // MARK: - 6. Git states

    @Test func aDetachedHeadIsRefusedBeforeAnythingIsWritten() throws {
        let vault = try Self.vaultWithSamples()
        _ = try vault.git("checkout", "-q", "--detach")
        #expect {
            _ = try vault.workspace().clones.create(name: "Lost")
        } throws: { error in
            error.localizedDescription.contains("detached") && error.localizedDescription.contains("checkout main")
        }
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("clones/lost").path))
    }

    @Test func anUnresolvedMergeIsRefused() throws {
        let vault = try Self.vaultWithSamples()
        let note = "clones/terse-tom/samples/t0.md"
        _ = try vault.git("checkout", "-q", "-b", "side")
        try "---\ntitle: side\n---\nSide words.\n".write(to: vault.root.appendingPathComponent(note), atomically: true, encoding: .utf8)
        _ = try vault.git("commit", "-qam", "side")
        _ = try vault.git("checkout", "-q", "main")
        try "---\ntitle: main\n---\nMain words.\n".write(to: vault.root.appendingPathComponent(note), atomically: true, encoding: .utf8)
        _ = try vault.git("commit", "-qam", "main")
        _ = try? vault.git("merge", "side")
        #expect {
            _ = try vault.workspace().dna.analyze("terse-tom")
        } throws: { error in
            error.localizedDescription.contains("merge") && error.localizedDescription.contains("--abort")
        }
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("clones/terse-tom/dna").path))
    }

    @Test func aStaleGitLockIsNamedAndExplained() throws {
        let vault = try Self.vaultWithSamples()
        let lock = vault.root.appendingPathComponent(".git/refs/heads/main.lock")
        try Data().write(to: lock)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: lock.path)
        #expect {
            _ = try vault.workspace().clones.create(name: "Late")
        } throws: { error in
            error.localizedDescription.contains("refs/heads/main.lock") && error.localizedDescription.contains("killed")
        }
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("clones/late").path))
        try FileManager.default.removeItem(at: lock)
        _ = try vault.workspace().clones.create(name: "Late")
        #expect(try vault.git("status", "--porcelain") == "")
    }

    @Test func anInterruptedChangeIsFinishedByTheNextCommand() throws {
        let vault = try Self.vaultWithSamples()
        // What a command killed after writing a sample but before committing leaves: the journal and the file.
        let journal = vault.root.appendingPathComponent(".git/voiceclone-journal")
        try "started \(Int(Date().timeIntervalSince1970) - 5)\npath clones/terse-tom/samples/t0.md\n".write(to: journal, atomically: true, encoding: .utf8)
        try vault.writeSample(clone: "terse-tom", name: "written-not-committed.md", "---\ntitle: W\n---\nWords that were written.\n")
        try Data("x".utf8).write(to: vault.root.appendingPathComponent("clones/terse-tom/samples/.half.md.1234.tmp"))
        // And a commit that moved HEAD but never updated the index: HEAD has a file the index lacks.
        _ = try vault.git("rm", "-q", "--cached", "clones/terse-tom/samples/t0.md")
        #expect(try vault.git("status", "--porcelain") != "")

        _ = try vault.workspace().clones.edit("terse-tom", CloneEdit(addTags: ["after"]))
        #expect(try vault.git("status", "--porcelain") == "")
        #expect(try vault.git("log", "--format=%s").contains("Finish an interrupted voiceclone command"))
        #expect(try vault.git("ls-files", "clones/terse-tom/samples").contains("written-not-committed.md"))
        #expect(!FileManager.default.fileExists(atPath: journal.path))
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("clones/terse-tom/samples/.half.md.1234.tmp").path))
    }

    /// `sample remove`, `library delete` and `clone delete` journal a path before removing it, so a command killed
    /// right after the removal leaves this state: the next command commits the deletion instead of stranding it.
    @Test func aDeletionCutShortIsCommittedByTheNextCommand() throws {
        let vault = try Self.vaultWithSamples()
        let journal = vault.root.appendingPathComponent(".git/voiceclone-journal")
        try "started \(Int(Date().timeIntervalSince1970))\npath clones/terse-tom/samples/t0.md\n"
            .write(to: journal, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: vault.root.appendingPathComponent("clones/terse-tom/samples/t0.md"))
        #expect(try vault.git("status", "--porcelain").contains("t0.md"))

        _ = try vault.workspace().clones.edit("terse-tom", CloneEdit(addTags: ["after"]))
        #expect(try vault.git("status", "--porcelain") == "")
        #expect(try !vault.git("ls-files", "clones/terse-tom/samples").contains("t0.md"))
        #expect(try vault.git("show", "--stat", "--format=%s", "HEAD~1").contains("Finish an interrupted voiceclone command"))
    }
}

/// Collects strings from concurrent closures.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ item: String) { lock.lock(); storage.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
