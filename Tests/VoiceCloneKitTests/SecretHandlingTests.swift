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

    /// A key split across streamed fragments, at every split point, in raw and key-shaped forms: what is printed
    /// as it arrives never holds it, and the whole printed text equals the whole text scrubbed at once.
    @Test func streamedFragmentsNeverPassOnAKeySplitAcrossThem() {
        let key = "sk-kit-test-KEY-9876543210fedcba"
        let other = "opaque-local-secret-0042"
        for text in ["Your key is \(key), keep it safe.", "local \(other) and Bearer abcdef123456 end", "no secret at all"] {
            for size in [1, 3, 7, 40] {
                let collected = Collected()
                let stream = StreamScrubber(secrets: [key, other]) { collected.append($0) }
                var rest = Substring(text)
                while !rest.isEmpty {
                    stream.write(String(rest.prefix(size)))
                    rest = rest.dropFirst(size)
                }
                stream.finish()
                let printed = collected.text
                #expect(!printed.contains(key) && !printed.contains(other) && !printed.contains("abcdef123456"), "\(size): \(printed)")
                #expect(!printed.contains("9876543210fedcba") && !printed.contains("test-KEY"), "\(size): \(printed)")
                #expect(printed == SecretScrubber.scrub(text, secrets: [key, other]), "\(size)")
                for piece in collected.pieces { #expect(!piece.contains("sk-kit")) }
            }
        }
    }

    @Test func aKeyEchoedInAStreamedAnswerIsNeverPrinted() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.route("/v1/chat/completions", .openAIStream(
            ["The garlic went in late. Your key is sk-k", "it-test-K", String(F.openAIKey.dropFirst(12)), " and that is that."],
            chunkSize: 5))
        let collected = Collected()
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
            clone: "wren-hale", platform: "generic", prompt: "garlic", provider: "openai", model: "gpt-test",
            baseURL: server.url("/v1"), seed: 9, onText: { _, text in collected.append(text) }, retry: .none, now: Self.fixedDate))
        #expect(F.openAIKey.hasPrefix("sk-kit-test-K"))
        #expect(!collected.text.isEmpty)
        #expect(!collected.text.contains(F.openAIKey))
        #expect(!collected.text.contains(String(F.openAIKey.suffix(10))))
        #expect(collected.text.contains("The garlic went in late."))
        #expect(try #require(report.results.first).piece.text.contains("[redacted]"))
    }

    /// A sample is committed, pushed and quoted in prompts: a key pasted into an email the writer imports, raw or
    /// base64, never reaches the vault's file or its commit; the writer is told, and the rest of the text is kept.
    @Test func aKeyInsideAnImportedSampleIsRedactedBeforeItIsWritten() throws {
        let key = "sk-proj-import-test-KEY-0123456789abcdef"
        let home = TemporaryDirectory("home")
        let vault = try TestVault()
        let ws = try Workspace(vault: .init(root: vault.root),
                               environment: ["OPENAI_API_KEY": key, "XDG_CONFIG_HOME": home.path, "HOME": home.path])
        _ = try ws.clones.create(name: "Bo")
        let source = TemporaryDirectory("source")
        let encoded = Data("key=\(key)".utf8).base64EncodedString()
        let email = try source.write("email.txt", "Hi team, the new key is \(key) and the encoded copy \(encoded). Talk soon.")
        let results = try ws.samples.add("Bo", inputs: [email.path])
        #expect(results.map(\.status) == [.added])
        #expect(results[0].warnings.contains { $0.contains("replaced with [redacted]") })
        let stored = try String(contentsOf: vault.root.appendingPathComponent(try #require(results[0].sample?.path)), encoding: .utf8)
        #expect(stored.contains("Hi team, the new key is [redacted]"))
        #expect(stored.contains("Talk soon."))
        for form in [key, String(key.prefix(8)), String(encoded.dropFirst(8).prefix(16))] {
            #expect(!stored.contains(form))
            #expect(!(try vault.git("log", "-p", "--all")).contains(form))
        }
        // The writer's own file is theirs: it is not touched.
        #expect(try String(contentsOf: email, encoding: .utf8).contains(key))
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
            var warnings: [String] = []
            _ = try ws.providers.remoteSettings(kind: .openai, model: nil, baseURL: nil, requireKey: true, retry: .none, warnings: &warnings)
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
            var warnings: [String] = []
            _ = try linkedFile.providers.remoteSettings(kind: .openai, model: nil, baseURL: nil, requireKey: true, retry: .none,
                                              warnings: &warnings)
        }
        // The vault opened through a link (--vault LINK) while the credentials sit inside its real folder.
        try vault.directory.write("cfg/voiceclone/credentials.yaml", "openai:\n  api_key: sk-inside-the-vault-123456\n")
        let link = home.url.appendingPathComponent("vault-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: vault.root)
        let linkedVault = try Workspace(vault: .init(root: link),
                                        environment: ["XDG_CONFIG_HOME": vault.root.appendingPathComponent("cfg").path, "HOME": home.path])
        #expect {
            var warnings: [String] = []
            _ = try linkedVault.providers.remoteSettings(kind: .openai, model: nil, baseURL: nil, requireKey: true, retry: .none,
                                               warnings: &warnings)
        } throws: { error in
            error.localizedDescription.contains("inside the vault") && !error.localizedDescription.contains("sk-inside")
        }
    }

    @Test func cleartextHTTPToAnotherHostIsWarnedAbout() {
        #expect(ProviderService.cleartextWarning(baseURL: "http://llm.example.net/v1")?.contains("llm.example.net") == true)
        #expect(ProviderService.cleartextWarning(baseURL: "http://127.0.0.1:8080/v1") == nil)
        #expect(ProviderService.cleartextWarning(baseURL: "http://localhost:11434/v1") == nil)
        #expect(ProviderService.cleartextWarning(baseURL: "https://api.example.com/v1") == nil)
    }

    /// The warning reaches the caller's report, not stderr: Kit never prints.
    @Test func theCleartextWarningIsReturnedToTheCaller() throws {
        let vault = try F.vault()
        let home = TemporaryDirectory("home")
        defer { withExtendedLifetime(home) {} }
        let ws = try Workspace(vault: .init(root: vault.root),
                               environment: ["OPENAI_COMPATIBLE_API_KEY": "local-token", "XDG_CONFIG_HOME": home.path, "HOME": home.path])
        var warnings: [String] = []
        _ = try ws.providers.remoteSettings(kind: .openAICompatible, model: "m", baseURL: "http://llm.example.net/v1", requireKey: true,
                                  retry: .none, warnings: &warnings)
        #expect(warnings.count == 1 && warnings.first?.contains("unencrypted") == true)
        warnings = []
        _ = try ws.providers.remoteSettings(kind: .openAICompatible, model: "m", baseURL: "https://llm.example.net/v1", requireKey: true,
                                  retry: .none, warnings: &warnings)
        #expect(warnings.isEmpty)
    }

    @Test func anEchoedKeyIsRedactedBeforeSavingAndPrinting() async throws {
        let vault = try F.vault()
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let echoed = Data("Authorization: Bearer \(F.openAIKey)".utf8).base64EncodedString()
        server.route("/v1/chat/completions", .openAIChat(
            "The garlic went in late. Your key is \(F.openAIKey) and encoded \(echoed) and that is that."))
        let ws = try F.workspace(vault)
        _ = try ws.dna.analyze("wren-hale")
        let report = try await F.workspace(vault).generation.generate(GenerateOptions(
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

/// Fragments as a stream passed them on.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.lock(); parts.append(text); lock.unlock() }
    var pieces: [String] { lock.lock(); defer { lock.unlock() }; return parts }
    var text: String { pieces.joined() }
}
