import Foundation
import Testing
import VoiceCloneTestSupport

/// `voiceclone providers key set|clear`, through the binary: the key comes from standard input (never argv),
/// lands in $XDG_CONFIG_HOME's credentials file with mode 0600, and is never printed.
@Suite struct ProviderKeyCommandTests {
    static let key = "sk-cli-test-SECRET-0123456789"

    @Test func aKeyIsSetFromStandardInputShownAsPresentAndCleared() throws {
        let vault = try TestVault()
        let home = TemporaryDirectory("cli-keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path, "HOME": home.file("home").path,
                   "OPENAI_API_KEY": "", "ANTHROPIC_API_KEY": "", "OPENAI_COMPATIBLE_API_KEY": "", "VOICECLONE_LOCAL_PORTS": "1"]
        let set = try CLI.run(["providers", "key", "set", "openai", "--json"], vault: vault.root, stdin: Data((Self.key + "\n").utf8), environment: env)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
        let change = try #require(try JSONSerialization.jsonObject(with: Data(set.stdout.utf8)) as? [String: Any])
        #expect(change["provider"] as? String == "openai")
        #expect(change["action"] as? String == "set")
        let path = home.file("xdg/voiceclone/credentials.yaml").path
        #expect(change["credentials_file"] as? String == path)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(home.read("xdg/voiceclone/credentials.yaml")?.contains(Self.key) == true)

        let providers = try CLI.run(["providers", "--json"], vault: vault.root, environment: env)
        #expect(providers.status == 0, "\(providers.stderr)")
        #expect(!providers.stdout.contains(Self.key))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(providers.stdout.utf8)) as? [String: Any])
        let openai = try #require((report["configured"] as? [[String: Any]])?.first { $0["provider"] as? String == "openai" })
        #expect(openai["key_present"] as? Bool == true)

        let clear = try CLI.run(["providers", "key", "clear", "openai"], vault: vault.root, environment: env)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stdout.contains("key removed"))
        #expect(home.read("xdg/voiceclone/credentials.yaml")?.contains(Self.key) == false)
    }

    @Test func aKeyOnTheCommandLineOrWithABlankIsRefused() throws {
        let home = TemporaryDirectory("cli-keys")
        let env = ["XDG_CONFIG_HOME": home.file("xdg").path, "HOME": home.file("home").path]
        let argv = try CLI.run(["providers", "key", "set", "openai", Self.key], stdin: Data(), environment: env)
        #expect(argv.status == 2, "the key is not an argument")
        let blank = try CLI.run(["providers", "key", "set", "openai"], stdin: Data("sk-one two\n".utf8), environment: env)
        #expect(blank.status == 1)
        #expect(blank.stderr.contains("blank") && !blank.stderr.contains("sk-one two"))
        let inside = try TestVault()
        let refused = try CLI.run(["providers", "key", "set", "anthropic"], vault: inside.root, stdin: Data(Self.key.utf8),
                                  environment: ["XDG_CONFIG_HOME": inside.root.appendingPathComponent(".config").path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("inside the vault") && !refused.stderr.contains(Self.key))
        #expect(!FileManager.default.fileExists(atPath: home.file("xdg/voiceclone/credentials.yaml").path))
    }
}
