import Foundation
import Testing
import VoiceCloneKit
import VoiceCloneProviders
import VoiceCloneTestSupport

/// Provider keys written to the user's credentials file: 0600 in a 0700 folder, replaced atomically, never inside
/// the vault, never with a blank or control character, and without losing the file's other entries.
@Suite struct ProviderKeyStoreTests {
    static let key = "sk-store-test-SECRET-0123456789"

    static func mode(_ path: String) -> Int {
        var info = stat()
        _ = stat(path, &info)
        return Int(info.st_mode & 0o777)
    }

    static func inode(_ path: String) -> UInt {
        var info = stat()
        _ = stat(path, &info)
        return UInt(info.st_ino)
    }

    @Test func aKeyIsStoredOwnerOnlyAndReadBackByTheResolver() throws {
        let home = TemporaryDirectory("keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path, "HOME": home.path]
        let change = try ProviderKeyStore.set("openai", key: Self.key, environment: env, vaultRoot: nil)
        let path = home.file("xdg/voiceclone/credentials.yaml").path
        #expect(change.credentialsFile == ContainedFile.resolved(path))
        #expect(change.action == .set && change.changed && change.overriddenBy == nil)
        #expect(Self.mode(path) == 0o600)
        #expect(Self.mode(home.file("xdg/voiceclone").path) == 0o700)
        let credentials = try ProviderCredentials.load(path: path)
        #expect(credentials.entry(for: .openai)?.apiKey?.revealForHeader() == Self.key)
        // The change itself never holds the key.
        let json = String(decoding: try JSONEncoder().encode(change), as: UTF8.self)
        #expect(!json.contains(Self.key))
    }

    @Test func otherEntriesAreKeptAndTheFileIsReplacedNotRewrittenInPlace() throws {
        let home = TemporaryDirectory("keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path]
        let url = try home.write("xdg/voiceclone/credentials.yaml", """
            anthropic:
              api_key: sk-ant-kept-1234
            openai-compatible:
              base_url: http://127.0.0.1:11434/v1
            openai:
              base_url: https://proxy.example/v1
            """)
        chmod(url.path, 0o644)
        let before = Self.inode(url.path)
        _ = try ProviderKeyStore.set("openai", key: Self.key, environment: env, vaultRoot: nil)
        #expect(Self.inode(url.path) != before, "a new file renamed over the old one")
        #expect(Self.mode(url.path) == 0o600, "a loose mode is tightened")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(leftovers == ["credentials.yaml"], "no temporary file left behind")
        var credentials = try ProviderCredentials.load(path: url.path)
        #expect(credentials.entry(for: .openai)?.apiKey?.revealForHeader() == Self.key)
        #expect(credentials.entry(for: .openai)?.baseURL == "https://proxy.example/v1")
        #expect(credentials.entry(for: .anthropic)?.apiKey?.revealForHeader() == "sk-ant-kept-1234")
        #expect(credentials.entry(for: .openAICompatible)?.baseURL == "http://127.0.0.1:11434/v1")

        let cleared = try ProviderKeyStore.clear("openai", environment: env, vaultRoot: nil)
        #expect(cleared.changed)
        credentials = try ProviderCredentials.load(path: url.path)
        #expect(credentials.entry(for: .openai)?.apiKey == nil)
        #expect(credentials.entry(for: .openai)?.baseURL == "https://proxy.example/v1")
        #expect(credentials.entry(for: .anthropic)?.apiKey?.revealForHeader() == "sk-ant-kept-1234")
        #expect(try ProviderKeyStore.clear("openai", environment: env, vaultRoot: nil).changed == false)
        _ = try ProviderKeyStore.clear("anthropic", environment: env, vaultRoot: nil)
        #expect(!(home.read("xdg/voiceclone/credentials.yaml") ?? "").contains("anthropic"), "an emptied section goes")
    }

    @Test func aCredentialsFileInsideTheVaultIsRefusedEvenThroughALink() throws {
        let vault = try TestVault()
        let inside = ["XDG_CONFIG_HOME": vault.root.appendingPathComponent("config").path]
        #expect(throws: ProviderKeyError.self) { _ = try ProviderKeyStore.set("openai", key: Self.key, environment: inside, vaultRoot: vault.root) }
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("config").path), "nothing was created")

        let outside = TemporaryDirectory("keys-link")
        try FileManager.default.createDirectory(at: vault.root.appendingPathComponent("hidden"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: outside.file("xdg").path, withDestinationPath: vault.root.appendingPathComponent("hidden").path)
        let linked = ["XDG_CONFIG_HOME": outside.file("xdg").path]
        let workspace = try Workspace.open(vaultPath: vault.root.path, environment: linked)
        do {
            _ = try workspace.providers.setKey("openai", key: Self.key)
            Issue.record("a credentials file inside the vault was written")
        } catch let error as ProviderKeyError {
            guard case .insideVault = error else { Issue.record("wrong error: \(error)"); return }
            #expect(!(error.errorDescription ?? "").contains(Self.key))
        }
        #expect(!FileManager.default.fileExists(atPath: vault.root.appendingPathComponent("hidden/voiceclone").path))
    }

    @Test func keysWithBlanksControlCharactersOrNothingAreRefusedWithoutQuotingThem() throws {
        let home = TemporaryDirectory("keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path]
        for bad in ["", "sk-abc\n", "sk-abc\r\nX", "sk abc", "\tsk-abc", "sk-\u{7}abc", "sk-\u{7F}", "sk-ключ", String(repeating: "k", count: 5000)] {
            do {
                _ = try ProviderKeyStore.set("openai", key: bad, environment: env, vaultRoot: nil)
                Issue.record("accepted \(bad.debugDescription)")
            } catch let error as ProviderKeyError {
                guard case .invalidKey = error else { Issue.record("wrong error for \(bad.debugDescription): \(error)"); continue }
                if !bad.isEmpty { #expect(!(error.errorDescription ?? "").contains(bad)) }
            }
        }
        #expect(!FileManager.default.fileExists(atPath: home.file("xdg/voiceclone/credentials.yaml").path))
        #expect(throws: ProviderKeyError.unknownProvider("nobody")) { _ = try ProviderKeyStore.set("nobody", key: "sk-1", environment: env, vaultRoot: nil) }
        #expect(throws: ProviderKeyError.takesNoKey(provider: "local")) { _ = try ProviderKeyStore.set("local", key: "sk-1", environment: env, vaultRoot: nil) }
    }

    @Test func anEnvironmentKeyThatStillWinsIsNamed() throws {
        let home = TemporaryDirectory("keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path, "ANTHROPIC_API_KEY": "sk-env"]
        #expect(try ProviderKeyStore.set("claude", key: Self.key, environment: env, vaultRoot: nil).overriddenBy == "ANTHROPIC_API_KEY")
    }

    @Test func aFileThatIsNotProviderYAMLIsLeftAlone() throws {
        let home = TemporaryDirectory("keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path]
        _ = try home.write("xdg/voiceclone/credentials.yaml", "- just\n- a list\n")
        #expect(throws: ProviderKeyError.self) { _ = try ProviderKeyStore.set("openai", key: Self.key, environment: env, vaultRoot: nil) }
        #expect(home.read("xdg/voiceclone/credentials.yaml") == "- just\n- a list\n")
    }
}
