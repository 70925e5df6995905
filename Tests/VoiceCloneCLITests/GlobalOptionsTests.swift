import Foundation
import Testing
import VoiceCloneTestSupport

/// `--vault` and `--json` work before the subcommand too, the way people type them.
@Suite struct GlobalOptionsTests {
    @Test func vaultAndJSONMayComeBeforeTheSubcommand() throws {
        let dir = TemporaryDirectory("cli-global")
        let vault = dir.file("vault")
        try #require(try CLI.run(["init", vault.path]).status == 0)
        try #require(try CLI.run(["--vault", vault.path, "clone", "create", "Early Bird"]).status == 0)
        let r = try CLI.run(["--json", "--vault", vault.path, "clone", "list"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]
        #expect(list?.first?["slug"] as? String == "early-bird")
    }
}
