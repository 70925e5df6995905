import Foundation
import Testing
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

@Suite struct CredentialsTests {
    func credentials(_ text: String, mode: Int) throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory("creds")
        let url = try dir.write("voiceclone/credentials.yaml", text)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return (dir, url.path)
    }

    @Test func keyFromPrivateFile() throws {
        let (dir, path) = try credentials("openai:\n  api_key: sk-file-key-123456\nanthropic:\n  api_key: ant-file\n", mode: 0o600)
        let env = ["XDG_CONFIG_HOME": dir.path]
        #expect(ProviderCredentials.defaultPath(environment: env) == path)
        let settings = try ProviderResolver(environment: env).settings(kind: .openai, model: nil, baseURL: nil)
        #expect(settings.apiKey?.revealForHeader() == "sk-file-key-123456")
        #expect(settings.apiKey?.source == path)
        #expect(settings.model == "gpt-4.1-mini")
        #expect(settings.baseURL == "https://api.openai.com/v1")
    }

    @Test func readableFileIsRefused() throws {
        let (dir, path) = try credentials("openai:\n  api_key: sk-file-key-123456\n", mode: 0o644)
        let error = #expect(throws: ProviderError.self) {
            try ProviderResolver(environment: ["XDG_CONFIG_HOME": dir.path]).settings(kind: .openai, model: nil, baseURL: nil)
        }
        #expect(error == .insecureCredentialsFile(path: path, mode: "644"))
        #expect(ProviderTestSupport.message(error!).contains("chmod 600"))
        #expect(!ProviderTestSupport.message(error!).contains("sk-file"))
    }

    @Test func environmentBeatsFileAndFlagBeatsEnvironment() throws {
        let (dir, _) = try credentials("openai:\n  api_key: sk-file\n  base_url: https://file.example/v1\n", mode: 0o600)
        let env = ["XDG_CONFIG_HOME": dir.path, "OPENAI_API_KEY": "sk-env", "OPENAI_BASE_URL": "https://env.example/v1"]
        let resolver = ProviderResolver(environment: env)
        var settings = try resolver.settings(kind: .openai, model: "m", baseURL: nil)
        #expect(settings.apiKey?.revealForHeader() == "sk-env")
        #expect(settings.baseURL == "https://env.example/v1")
        settings = try resolver.settings(kind: .openai, model: "m", baseURL: "http://127.0.0.1:9/v1")
        #expect(settings.baseURL == "http://127.0.0.1:9/v1")
        #expect(settings.apiKey == nil, "an endpoint named for one call never gets the cloud key")
    }

    @Test func missingKeyAndBadSettingsAreClear() throws {
        let empty = TemporaryDirectory("creds")
        let resolver = ProviderResolver(environment: ["XDG_CONFIG_HOME": empty.path])
        let missing = #expect(throws: ProviderError.self) { try resolver.settings(kind: .anthropic, model: nil, baseURL: nil) }
        #expect(ProviderTestSupport.message(missing!).contains("ANTHROPIC_API_KEY"))
        // --dry-run needs no key.
        #expect(try resolver.settings(kind: .anthropic, model: nil, baseURL: nil, requireKey: false).apiKey == nil)
        #expect(throws: ProviderError.missingBaseURL(provider: "openai-compatible")) {
            try resolver.settings(kind: .openAICompatible, model: "llama3", baseURL: nil)
        }
        #expect(throws: ProviderError.missingModel(provider: "openai-compatible")) {
            try resolver.settings(kind: .openAICompatible, model: nil, baseURL: "http://127.0.0.1:11434/v1")
        }
        #expect(throws: ProviderError.self) { try resolver.settings(kind: .openai, model: nil, baseURL: "ftp://x") }
        // The compatible provider never borrows OpenAI's key.
        let compat = try ProviderResolver(environment: ["OPENAI_API_KEY": "sk-openai", "XDG_CONFIG_HOME": empty.path])
            .settings(kind: .openAICompatible, model: "llama3", baseURL: "http://127.0.0.1:11434/v1")
        #expect(compat.apiKey == nil)
    }

    /// Issue 17: "a cloud key is never sent to a local or custom URL". The key goes to the provider's own API,
    /// or to an endpoint the user paired with it in the same place; a `--base-url` named for one call gets only a
    /// key meant for custom endpoints.
    @Test func aCloudKeyIsNeverSentToAnEndpointNamedForOneCall() throws {
        let empty = TemporaryDirectory("creds")
        let env = ["XDG_CONFIG_HOME": empty.path, "OPENAI_API_KEY": "sk-openai-cloud", "ANTHROPIC_API_KEY": "ant-cloud"]
        var resolver = ProviderResolver(environment: env)
        // The official endpoint, named explicitly or not, gets the key.
        #expect(try resolver.settings(kind: .openai, model: nil, baseURL: "https://api.openai.com/v1").apiKey?
            .revealForHeader() == "sk-openai-cloud")
        // A local server or any other host named with --base-url does not, and the note says why and what to set.
        for url in ["http://127.0.0.1:8080/v1", "http://localhost:11434/v1", "https://gateway.example/v1",
                    "http://api.openai.com/v1", "https://api.openai.com.evil.example/v1"] {
            let held = try resolver.settings(kind: .openai, model: nil, baseURL: url)
            #expect(held.apiKey == nil, "\(url)")
            #expect(held.withheldKeyNote?.contains("OPENAI_API_KEY was not sent") == true)
            #expect(held.withheldKeyNote?.contains("OPENAI_COMPATIBLE_API_KEY") == true)
            #expect(held.withheldKeyNote?.contains("sk-openai") == false)
        }
        let anthropic = try resolver.settings(kind: .anthropic, model: nil, baseURL: "http://127.0.0.1:9/")
        #expect(anthropic.apiKey == nil && anthropic.withheldKeyNote?.contains("ANTHROPIC_API_KEY") == true)
        #expect(anthropic.withheldKeyNote?.contains("OPENAI_COMPATIBLE_API_KEY") == false, "not used for Anthropic")
        #expect(anthropic.withheldKeyNote?.contains("anthropic section of the credentials file") == true)
        // The key meant for custom endpoints is used there instead.
        resolver.environment["OPENAI_COMPATIBLE_API_KEY"] = "local-token"
        let custom = try resolver.settings(kind: .openai, model: nil, baseURL: "http://127.0.0.1:8080/v1")
        #expect(custom.apiKey?.revealForHeader() == "local-token" && custom.withheldKeyNote == nil)
        // A base URL set in the environment beside the key is the user's own pairing (as the official SDKs read it).
        resolver.environment["OPENAI_BASE_URL"] = "https://gateway.example/v1"
        #expect(try resolver.settings(kind: .openai, model: nil, baseURL: nil).apiKey?.revealForHeader() == "sk-openai-cloud")
    }

    @Test func aKeyPairedWithItsBaseURLInTheFileGoesOnlyThere() throws {
        let (dir, _) = try credentials("openai:\n  api_key: sk-file-gateway\n  base_url: https://gateway.example/v1/\n", mode: 0o600)
        let resolver = ProviderResolver(environment: ["XDG_CONFIG_HOME": dir.path])
        // The file's own base_url, or the same URL named with --base-url: paired.
        #expect(try resolver.settings(kind: .openai, model: nil, baseURL: nil).apiKey?.revealForHeader() == "sk-file-gateway")
        #expect(try resolver.settings(kind: .openai, model: nil, baseURL: "https://gateway.example/v1").apiKey?
            .revealForHeader() == "sk-file-gateway")
        // Another URL: not.
        let other = try resolver.settings(kind: .openai, model: nil, baseURL: "http://127.0.0.1:1234/v1")
        #expect(other.apiKey == nil && other.withheldKeyNote != nil)
    }

    @Test func malformedFileDoesNotQuoteIt() throws {
        let (dir, _) = try credentials("openai: [sk-secret-value-1234\n", mode: 0o600)
        let error = #expect(throws: ProviderError.self) {
            try ProviderResolver(environment: ["XDG_CONFIG_HOME": dir.path]).settings(kind: .openai, model: nil, baseURL: nil)
        }
        #expect(!ProviderTestSupport.message(error!).contains("sk-secret"))
    }

    @Test func scrubberRemovesKeysAndKeyShapes() {
        #expect(SecretScrubber.scrub("bad key sk-abcdefgh1234 here") == "bad key [redacted] here")
        #expect(SecretScrubber.scrub("token zzzz-secret-zzzz", secrets: ["zzzz-secret-zzzz"]) == "token [redacted]")
    }
}
