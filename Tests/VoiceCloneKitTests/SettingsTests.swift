import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneVault
@testable import VoiceCloneKit

/// The vault settings a writer edits: the default provider and model, and who commits. Only those lines change.
@Suite struct SettingsTests {
    static let handWritten = """
        # Our team's vault. Keep the LinkedIn preset.
        format_version: 1
        default_provider: local
        platforms:
          newsletter:
            max_chars: 5000
        team_note: kept by hand
        """

    func vaultWithHandWrittenConfig() throws -> TestVault {
        let vault = try TestVault()
        try Data((Self.handWritten + "\n").utf8).write(to: vault.root.appendingPathComponent(".voiceclone/config.yaml"))
        _ = try vault.git("add", "-A")
        _ = try vault.git("-c", "user.name=T", "-c", "user.email=t@example.test", "commit", "-qm", "config by hand")
        return vault
    }

    @Test func savesTheThreeSettingsAndKeepsEveryOtherLine() throws {
        let vault = try vaultWithHandWrittenConfig()
        let author = VaultConfig.Identity(name: "Dana: \"the\" editor", email: "dana@example.test")
        try vault.workspace().updateSettings(VaultSettings(defaultProvider: "openai", defaultModel: "gpt-4o-mini", author: author))
        let text = try String(contentsOf: vault.root.appendingPathComponent(".voiceclone/config.yaml"), encoding: .utf8)
        #expect(text == """
            # Our team's vault. Keep the LinkedIn preset.
            format_version: 1
            default_provider: "openai"
            platforms:
              newsletter:
                max_chars: 5000
            team_note: kept by hand
            default_model: "gpt-4o-mini"
            author:
              name: "Dana: \\"the\\" editor"
              email: "dana@example.test"

            """)
        let reopened = try vault.workspace()
        #expect(reopened.settings == VaultSettings(defaultProvider: "openai", defaultModel: "gpt-4o-mini", author: author))
        #expect(reopened.config.platforms?["newsletter"]?.maxChars == 5000)
        #expect(try vault.git("show", "--name-only", "--format=%s", "HEAD")
                == "settings: default provider openai, model gpt-4o-mini; commits by Dana: \"the\" editor <dana@example.test>\n\n.voiceclone/config.yaml\n")
        #expect(reopened.commitIdentity() == CommitIdentity(name: author.name, email: author.email, source: .vault))
        // The next change is committed as that writer.
        _ = try reopened.clones.create(name: "Alice")
        #expect(try vault.git("log", "-1", "--format=%an <%ae>") == "Dana: \"the\" editor <dana@example.test>\n")
    }

    @Test func clearingTheModelAndIdentityRemovesTheirLines() throws {
        let vault = try vaultWithHandWrittenConfig()
        let author = VaultConfig.Identity(name: "Dana", email: "dana@example.test")
        try vault.workspace().updateSettings(VaultSettings(defaultProvider: "auto", defaultModel: "m", author: author))
        try vault.workspace().updateSettings(VaultSettings(defaultProvider: "local", defaultModel: " ",
                                                           author: VaultConfig.Identity(name: "", email: "")))
        let text = try String(contentsOf: vault.root.appendingPathComponent(".voiceclone/config.yaml"), encoding: .utf8)
        #expect(text == Self.handWritten.replacingOccurrences(of: "default_provider: local", with: "default_provider: \"local\"") + "\n")
        let reopened = try vault.workspace()
        #expect(reopened.settings == VaultSettings(defaultProvider: "local"))
        #expect(reopened.commitIdentity().source != .vault)
    }

    @Test func refusesWhatCannotBeSavedAndChangesNothing() throws {
        let vault = try vaultWithHandWrittenConfig()
        let head = try vault.git("rev-parse", "HEAD")
        let refused: [(VaultSettings, SettingsError)] = [
            (VaultSettings(defaultProvider: "gpt"), .unknownProvider("gpt")),
            (VaultSettings(defaultProvider: "local", author: VaultConfig.Identity(name: "Dana", email: "")), .incompleteIdentity),
            (VaultSettings(defaultProvider: "local", author: VaultConfig.Identity(name: "Dana", email: "dana")),
             .invalidValue(field: "commit email", reason: "\"dana\" has no @")),
            (VaultSettings(defaultProvider: "local", defaultModel: "a\nb"),
             .invalidValue(field: "default model", reason: "holds a line break or control character; use one line of text")),
            // YAML would fold a line separator into a space, and refuses a noncharacter: the file would not read back.
            (VaultSettings(defaultProvider: "local", defaultModel: "a\u{2028}b"),
             .invalidValue(field: "default model", reason: "holds a line break or control character; use one line of text")),
            (VaultSettings(defaultProvider: "local", defaultModel: "m\u{FFFF}"),
             .invalidValue(field: "default model", reason: "holds a line break or control character; use one line of text")),
            // libgit2 cannot sign with these, so every later commit would fail.
            (VaultSettings(defaultProvider: "local", author: VaultConfig.Identity(name: "Dana <Okafor>", email: "dana@example.test")),
             .invalidValue(field: "commit name", reason: "holds < or >, which git does not allow in a commit's name or email")),
            (VaultSettings(defaultProvider: "local", author: VaultConfig.Identity(name: "...", email: "dana@example.test")),
             .invalidValue(field: "commit name", reason: "is only spaces and punctuation, which git drops")),
        ]
        for (settings, error) in refused {
            #expect(throws: error) { try vault.workspace().updateSettings(settings) }
        }
        #expect(try vault.git("rev-parse", "HEAD") == head)
        #expect(try String(contentsOf: vault.root.appendingPathComponent(".voiceclone/config.yaml"), encoding: .utf8) == Self.handWritten + "\n")
    }
}
