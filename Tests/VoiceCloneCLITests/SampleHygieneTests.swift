import Foundation
import Testing
import VoiceCloneTestSupport

/// `check --samples` warns about unmarked samples that read as machine-written; `sample list --ai-assisted` lists marked ones.
@Suite struct SampleHygieneTests {
    static let machineLike = """
        In today's fast-paced world, it's important to note that effective communication is more crucial than ever. \
        Moreover, leveraging a robust framework can unlock your full potential. Furthermore, this comprehensive guide \
        will delve into the key strategies. Additionally, it serves as a testament to the transformative power of clarity.

        In this article, we will explore the intricate tapestry of modern teamwork. Moreover, seamless collaboration \
        fosters innovation, drives engagement, and empowers stakeholders. Ultimately, embracing these best practices \
        is not just a choice, but a necessity in an ever-evolving landscape.
        """

    /// A vault with one clone, Tom, holding one plain sample titled "Mine".
    static func vaultWithTom(in dir: TemporaryDirectory) throws -> URL {
        let vault = dir.file("vault")
        try #require(try CLI.run(["init", vault.path]).status == 0)
        try #require(try CLI.run(["clone", "create", "Tom"], vault: vault).status == 0)
        try #require(try CLI.run(["sample", "add", "tom", "-", "--title", "Mine"], vault: vault, stdin: Data(StyledText.terse(3).utf8)).status == 0)
        return vault
    }

    @Test func checkSamplesAndAIAssistedListing() throws {
        let dir = TemporaryDirectory("cli-hygiene")
        let vault = try Self.vaultWithTom(in: dir)
        try #require(try CLI.run(["sample", "add", "tom", "-", "--title", "Suspect"], vault: vault, stdin: Data(Self.machineLike.utf8)).status == 0)
        try #require(try CLI.run(["sample", "add", "tom", "-", "--title", "Declared", "--ai-assisted"], vault: vault,
                                 stdin: Data((Self.machineLike + "\nA different ending.").utf8)).status == 0)

        let plain = try #require(try CLI.json(["check"], vault: vault) as? [String: Any])
        #expect(plain["sample_warnings"] is NSNull, "every documented key is present; null when --samples did not run")
        let checked = try #require(try CLI.json(["check", "--samples"], vault: vault) as? [String: Any])
        let warnings = try #require(checked["sample_warnings"] as? [[String: Any]])
        #expect(warnings.count == 1, "only the unmarked machine-like sample: \(warnings)")
        #expect((warnings.first?["sample"] as? String)?.hasPrefix("suspect") == true)
        let r = try CLI.run(["check", "--samples"], vault: vault)
        #expect(r.status == 0, "warnings alone exit 0")
        #expect(r.stdout.contains("ai_assisted: true"))

        let marked = try #require(try CLI.json(["sample", "list", "--ai-assisted"], vault: vault) as? [[String: Any]])
        #expect(marked.map { $0["title"] as? String } == ["Declared"])
        #expect(try CLI.run(["sample", "list"], vault: vault).status == 2)
    }

    /// A file dropped into the samples folder that the scanner refuses is not listed; `sample list` says which and
    /// why on stderr, and `--json` on stdout stays the plain list.
    @Test func aRefusedSampleFileIsNamedByTheListNotHidden() throws {
        let dir = TemporaryDirectory("cli-refused")
        let vault = try Self.vaultWithTom(in: dir)
        try Data("---\ntitle: [oops\n---\nSome words.\n".utf8).write(to: vault.appendingPathComponent("clones/tom/samples/broken.md"))
        let listed = try CLI.run(["sample", "list", "tom"], vault: vault)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Mine") && !listed.stdout.contains("broken"))
        #expect(listed.stderr.contains("1 file in the samples folder could not be read"))
        #expect(listed.stderr.contains("clones/tom/samples/broken.md:"))
        let json = try #require(try CLI.json(["sample", "list", "tom"], vault: vault) as? [[String: Any]])
        #expect(json.count == 1)
    }
}
