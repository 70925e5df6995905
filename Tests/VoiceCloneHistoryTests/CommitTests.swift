import Foundation
import Testing
import VoiceCloneTestSupport
@testable import VoiceCloneHistory

@Suite struct CommitTests {
    let who = GitIdentity(name: "Test Writer", email: "writer@example.test")

    @Test func commitsOnlyTheTouchedPathsAndLeavesOtherEditsAlone() throws {
        let dir = TemporaryDirectory("git")
        let repo = try GitRepository.create(at: dir.url)
        try dir.write("a.md", "one")
        try dir.write("b.md", "bee")
        try repo.commit(paths: ["a.md", "b.md"], message: "first", identity: who)

        // The user edits b.md and stages a new file c.md with command-line git...
        try dir.write("b.md", "bee, edited by hand")
        try dir.write("c.md", "staged by the user")
        _ = try ProcessRunner.git(["add", "c.md"], in: dir.url)
        // ...while the tool changes a.md and adds d.md.
        try dir.write("a.md", "two")
        try dir.write("d.md", "new")
        let id = try #require(try repo.commit(paths: ["a.md", "d.md"], message: "tool change", identity: who))

        let files = try ProcessRunner.git(["show", "--name-only", "--format=", id.hex], in: dir.url)
        #expect(files.split(separator: "\n").sorted() == ["a.md", "d.md"])
        #expect(try ProcessRunner.git(["show", "HEAD:b.md"], in: dir.url) == "bee")
        let status = try ProcessRunner.git(["status", "--porcelain"], in: dir.url)
        #expect(status.contains(" M b.md"))
        #expect(status.contains("A  c.md"))
        #expect(!status.contains("a.md"))
        #expect(!status.contains("d.md"))
        #expect(try ProcessRunner.git(["log", "-1", "--format=%an <%ae>|%s"], in: dir.url) == "Test Writer <writer@example.test>|tool change\n")
    }

    @Test func deletionsAndFoldersAreCommitted() throws {
        let dir = TemporaryDirectory("git")
        let repo = try GitRepository.create(at: dir.url)
        try dir.write("clones/x/a.md", "a")
        try dir.write("clones/x/b.md", "b")
        try repo.commit(paths: ["clones/x/a.md", "clones/x/b.md"], message: "add", identity: who)
        try FileManager.default.removeItem(at: dir.file("clones/x"))
        try repo.commit(paths: ["clones/x"], message: "delete", identity: who)
        #expect(try ProcessRunner.git(["ls-tree", "-r", "--name-only", "HEAD"], in: dir.url) == "")
    }

    @Test func unchangedContentMakesNoCommit() throws {
        let dir = TemporaryDirectory("git")
        let repo = try GitRepository.create(at: dir.url)
        try dir.write("a.md", "same")
        #expect(try repo.commit(paths: ["a.md"], message: "1", identity: who) != nil)
        #expect(try repo.commit(paths: ["a.md"], message: "2", identity: who) == nil)
        #expect(try repo.log().count == 1)
    }

    @Test func logListsChangedPathsNewestFirst() throws {
        let dir = TemporaryDirectory("git")
        let repo = try GitRepository.create(at: dir.url)
        try dir.write("dna/v0001.json", "{}")
        try repo.commit(paths: ["dna/v0001.json"], message: "v1", identity: who)
        try dir.write("notes.md", "n")
        try repo.commit(paths: ["notes.md"], message: "notes", identity: who)
        let all = try repo.log()
        #expect(all.map(\.summary) == ["notes", "v1"])
        #expect(all.last?.changedPaths == ["dna/v0001.json"])
        #expect(try repo.log(pathPrefix: "dna/").map(\.summary) == ["v1"])
        #expect(try ProcessRunner.git(["branch", "--show-current"], in: dir.url) == "main\n")
    }

    @Test func remotesCanBeAddedListedAndRemoved() throws {
        let dir = TemporaryDirectory("git")
        let repo = try GitRepository.create(at: dir.url)
        try repo.addRemote(name: "origin", url: "/srv/vault.git")
        #expect(try repo.remotes() == [GitRemote(name: "origin", url: "/srv/vault.git")])
        #expect(throws: GitError.self) { try repo.addRemote(name: "origin", url: "/elsewhere") }
        try repo.removeRemote(name: "origin")
        #expect(try repo.remotes().isEmpty)
    }

    @Test func openDoesNotClimbIntoAnEnclosingRepository() throws {
        let dir = TemporaryDirectory("git")
        _ = try GitRepository.create(at: dir.url)
        let inner = dir.file("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        #expect(throws: GitError.self) { try GitRepository.open(at: inner) }
    }
}
