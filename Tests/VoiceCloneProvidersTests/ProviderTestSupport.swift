import Foundation
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

/// Shared setup for provider tests: short timeouts and fast retries against a loopback server.
enum ProviderTestSupport {
    static let openAIKey = "sk-test-OPENAI-0123456789abcdef"
    static let anthropicKey = "sk-ant-test-ANTHROPIC-0123456789"

    static func settings(_ kind: ProviderKind, server: LoopbackHTTPServer, key: String?, model: String = "test-model",
                         retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05, maxRetryAfter: 5),
                         path: String = "/v1", totalTimeout: TimeInterval = 10, idleTimeout: TimeInterval = 10) -> RemoteProviderSettings {
        RemoteProviderSettings(
            kind: kind, model: model, baseURL: server.url(kind == .anthropic ? "" : path),
            apiKey: APIKey(key, source: kind.keyVariable ?? "test"), connectTimeout: 2, totalTimeout: totalTimeout,
            idleTimeout: idleTimeout, retry: retry)
    }

    static func request(platform: Platform = .generic, temperature: Double? = 0.7, seed: UInt64? = 42) -> GenerationRequest {
        GenerationRequest(
            messages: [
                GenerationMessage(role: .system, content: "You ghostwrite for Dana. Sentences average 9 words."),
                GenerationMessage(role: .user, content: "Write about shipping the new release."),
            ],
            platform: platform, length: .words(60), temperature: temperature, seed: seed)
    }

    /// Collects streamed fragments across threads.
    final class Fragments: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }

    static func message(_ error: Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}
