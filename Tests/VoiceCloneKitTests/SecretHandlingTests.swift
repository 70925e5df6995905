import Foundation
import Testing
import VoiceCloneTestSupport
import VoiceCloneProviders
@testable import VoiceCloneKit

private typealias F = GenerateFixtures

/// Issue 15, item 2: a key never lands in a file, a commit or output, in any encoding the tool recognises.
@Suite struct SecretHandlingTests {
    static let fixedDate = Date(timeIntervalSince1970: 1_760_000_000)

    @Test func scrubberRemovesRawBase64AndPercentEncodedKeys() {
        let key = "sk-kit-test-KEY-9876543210fedcba"
        let base64 = Data("token=\(key)&x=1".utf8).base64EncodedString()
        let shifted = Data("ab:\(key)".utf8).base64EncodedString()
        let urlSafe = shifted.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let percent = key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        for text in ["raw \(key) end", "b64 \(base64) end", "b64 \(shifted) end", "b64url \(urlSafe) end", "pct \(percent) end"] {
            let scrubbed = SecretScrubber.scrub(text, secrets: [key])
            #expect(scrubbed.contains("[redacted]"), "\(text)")
            #expect(!scrubbed.contains(key))
            // No long stretch of the encoded key survives either.
            #expect(!scrubbed.contains(String(base64.dropFirst(12).prefix(16))))
        }
    }

    @Test func aKeyWithALineBreakIsRefusedBeforeAnyRequest() throws {
        let env = ["OPENAI_API_KEY": "sk-good-part\r\nX-Injected: yes", "XDG_CONFIG_HOME": "/nonexistent"]
        #expect {
            _ = try ProviderResolver(environment: env).settings(kind: .openai, model: nil, baseURL: nil)
        } throws: { error in
            let message = error.localizedDescription
            return message.contains("control character") && message.contains("OPENAI_API_KEY") && !message.contains("sk-good")
        }
    }

    @Test func aCredentialsFileReachedThroughALinkIntoTheVaultIsRefused() throws {
        let vault = try F.vault()
        // XDG_CONFIG_HOME is a link that points into the vault: the file really lives in the vault.
        try vault.directory.write("secrets/voiceclone/credentials.yaml", "openai:\n  api_key: sk-linked-into-vault-123456\n")
        let home = TemporaryDirectory("home")
        defer { withExtendedLifetime(home) {} }
        let xdg = home.url.appendingPathComponent("config")
        try FileManager.default.createSymbolicLink(at: xdg, withDestinationURL: vault.root.appendingPathComponent("secrets"))
        let ws = try Workspace(vault: .init(root: vault.root), environment: ["XDG_CONFIG_HOME": xdg.path, "HOME": home.path])
        #expect {
            _ = try ws.remoteSettings(kind: .openai, model: nil, baseURL: nil, requireKey: true, retry: .none)
        } throws: { error in
            error.localizedDescription.contains("inside the vault")
        }
    }

    @Test func aLinkedCredentialsFileOrVaultPathIsResolvedBeforeTheCheck() throws {
        let vault = try F.vault()
        try vault.directory.write("private/credentials.yaml", "openai:\n  api_key: sk-inside-the-vault-123456\n")
        // credentials.yaml outside the vault is a link to a file inside it.
        let home = TemporaryDirectory("home")
        defer { withExtendedLifetime(home) {} }
        try FileManager.default.createDirectory(at: home.url.appendingPathComponent("voiceclone"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: home.url.appendingPathComponent("voiceclone/credentials.yaml"),
                                                   withDestinationURL: vault.root.appendingPathComponent("private/credentials.yaml"))
        let linkedFile = try Workspace(vault: .init(root: vault.root), environment: ["XDG_CONFIG_HOME": home.path, "HOME": home.path])
        #expect(throws: ProviderError.self) {
            _ = try linkedFile.remoteSettings(kind: .openai, model: nil, baseURL: nil, requireKey: true, retry: .none)
        }
        // The vault opened through a link (--vault LINK) while the credentials sit inside its real folder.
        try vault.directory.write("cfg/voiceclone/credentials.yaml", "openai:\n  api_key: sk-inside-the-vault-123456\n")
        let link = home.url.appendingPathComponent("vault-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: vault.root)
        let linkedVault = try Workspace(vault: .init(root: link),
                                        environment: ["XDG_CONFIG_HOME": vault.root.appendingPathComponent("cfg").path, "HOME": home.path])
        #expect {
            _ = try linkedVault.remoteSettings(kind: .openai, model: nil, baseURL: nil, requireKey: true, retry: .none)
        } throws: { error in
            error.localizedDescription.contains("inside the vault") && !error.localizedDescription.contains("sk-inside")
        }
    }

    @Test func cleartextHTTPToAnotherHostIsWarnedAbout() {
        #expect(Workspace.cleartextWarning(baseURL: "http://llm.example.net/v1")?.contains("llm.example.net") == true)
        #expect(Workspace.cleartextWarning(baseURL: "http://127.0.0.1:8080/v1") == nil)
        #expect(Workspace.cleartextWarning(baseURL: "http://localhost:11434/v1") == nil)
        #expect(Workspace.cleartextWarning(baseURL: "https://api.example.com/v1") == nil)
    }

    @Test func anEchoedKeyIsRedactedBeforeSavingAndPrinting() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let echoed = Data("Authorization: Bearer \(F.openAIKey)".utf8).base64EncodedString()
        server.route("/v1/chat/completions", .openAIChat(
            "The garlic went in late. Your key is \(F.openAIKey) and encoded \(echoed) and that is that."))
        let ws = try F.workspace(vault)
        _ = try ws.analyze("wren-hale")
        let report = try await F.workspace(vault).generate(GenerateOptions(
            clone: "wren-hale", platform: "generic", prompt: "my key is \(F.openAIKey)", provider: "openai",
            model: "gpt-test", baseURL: server.url("/v1"), seed: 9, save: true, retry: .none, now: Self.fixedDate))
        let result = try #require(report.results.first)
        #expect(!result.piece.text.contains(F.openAIKey))
        #expect(result.piece.text.contains("[redacted]"))
        let saved = try #require(result.saved)
        let file = try #require(vault.directory.read(saved.path))
        #expect(!file.contains(F.openAIKey))
        #expect(!file.contains(String(echoed.dropFirst(12).prefix(20))))
        #expect(try !vault.git("log", "-p", "--all").contains(F.openAIKey))
    }
}
