import Foundation
import Testing
import VoiceCloneTestSupport

/// The JSON rule for empty values, and what `analyze --with-llm` and `dna show` tell a writer.
@Suite struct WriterOutputTests {
    @Test func jsonAlwaysCarriesTheDocumentedKeys() throws {
        let dir = TemporaryDirectory("cli")
        let initialised = try #require(try CLI.json(["init", dir.path]) as? [String: Any])
        #expect(initialised["remote"] is NSNull)
        #expect(initialised["clones"] as? [String] == [])
        let clone = try #require(try CLI.json(["clone", "create", "Test Writer"], vault: dir.url) as? [String: Any])
        for key in ["dna_version", "merged_from", "stale", "description"] {
            #expect(clone.keys.contains(key), "clone create --json lacks \(key)")
            #expect(clone[key] is NSNull, "\(key): \(String(describing: clone[key]))")
        }
        #expect(clone["tags"] as? [String] == [])
        try dir.write("note.md", "A short note.")
        let added = try #require(try CLI.json(["sample", "add", "test-writer", dir.file("note.md").path], vault: dir.url) as? [[String: Any]])
        #expect(added.first?["reason"] is NSNull)
        #expect(added.first?["duplicate_of"] is NSNull)
    }

    @Test func withLLMSaysWhenItSendsNothingAndDNAShowPrintsTheWholeReading() throws {
        let dir = TemporaryDirectory("cli")
        try CLI.run(["init", dir.path])
        try CLI.run(["clone", "create", "Test Writer"], vault: dir.url)
        try dir.write("a.md", StyledText.terse(1))
        try dir.write("b.md", StyledText.terse(2))
        try CLI.run(["sample", "add", "test-writer", dir.file("a.md").path, dir.file("b.md").path], vault: dir.url)
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        // A quotation the parser can find in the samples (it drops invented ones): the longest first sentence.
        let quote = try #require(StyledText.terse(1).split(separator: ".").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.contains("\n") }.max { $0.count < $1.count }.map { $0 + "." })
        let answer = """
            {"tone": ["blunt", "dry"], "attitude": ["impatient with waste"], "themes": ["shipping", "tests"],
             "dos": ["Keep sentences under ten words."], "donts": ["Never hedge."], "evidence": [\(String(reflecting: quote))]}
            """
        server.route("/v1/chat/completions", .openAIChat(answer, model: "gpt-describer"))
        let xdg = TemporaryDirectory("xdg")
        let env = ["OPENAI_API_KEY": "sk-cli-test-0123456789abcdef", "XDG_CONFIG_HOME": xdg.path, "HOME": xdg.path]
        let args = ["analyze", "test-writer", "--with-llm", "--provider", "openai", "--model", "gpt-describer", "--base-url", server.url("/v1")]

        let first = try CLI.run(args, vault: dir.url, environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(server.requests.count == 1)
        let second = try CLI.run(args, vault: dir.url, environment: env)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("no request sent"), "\(second.stdout)")
        #expect(server.requests.count == 1)
        let skipped = try CLI.run(args + ["--json"], vault: dir.url, environment: env)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any])
        #expect(object["llm_request"] as? String == "skipped")
        #expect(server.requests.count == 1)

        let shown = try CLI.run(["dna", "show", "test-writer"], vault: dir.url)
        for text in ["Tone: blunt, dry", "Attitude: impatient with waste", "Themes: shipping, tests",
                     "Keep sentences under ten words.", "Never hedge.", "“\(quote)”"] {
            #expect(shown.stdout.contains(text), "dna show lacks \(text):\n\(shown.stdout)")
        }
    }
}
