import Foundation
import Testing
import VoiceCloneTestSupport

/// `sample add` with a URL and a document, end to end through the binary.
@Suite struct ImportCommandsTests {
    @Test func urlAndDocxBecomeSamplesWithProvenance() throws {
        let dir = TemporaryDirectory("cli-import")
        let vault = dir.file("vault")
        try #require(try CLI.run(["init", vault.path]).status == 0)
        try #require(try CLI.run(["clone", "create", "Maren"], vault: vault).status == 0)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/old", .redirect(to: "/essays/green-bicycle", status: 301))
        server.route("/essays/green-bicycle", .html(HTMLFixtures.blogPage(FixtureText.essay)))
        server.route("/gone", .html("<html><body>Not here</body></html>", status: 404))
        try DOCXWriter(title: "Winter", author: FixtureText.author).write(FixtureText.shortPiece, to: dir.file("winter.docx"))

        let results = try #require(try CLI.json(["sample", "add", "maren", server.url("/old"), server.url("/gone"), dir.file("winter.docx").path],
                                                vault: vault) as? [[String: Any]])
        #expect(results.map { $0["status"] as? String } == ["added", "failed", "added"])
        #expect((results[1]["reason"] as? String)?.contains("404") == true)
        let sample = try #require(results[0]["sample"] as? [String: Any])
        #expect(sample["source"] as? String == server.url("/essays/green-bicycle"))
        #expect(sample["source_type"] as? String == "url")
        #expect(sample["content_type"] as? String == "article")
        let r = try CLI.run(["sample", "add", "maren", server.url("/old")], vault: vault)
        #expect(r.status == 0)
        #expect(r.stdout.contains("skipped"))
        #expect(try CLI.run(["check"], vault: vault).status == 0)
    }
}
