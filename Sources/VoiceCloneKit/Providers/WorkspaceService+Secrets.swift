import Foundation
import VoiceCloneAnalysis
import VoiceCloneVault
import VoiceCloneProviders

/// Keeps API keys out of everything the vault stores. A model can echo a key it was shown (or that a sample
/// held), and what is saved is committed, pushed, and later quoted in prompts to other providers.
extension WorkspaceService {
    /// Every key this run can see: each provider's environment variable and the user's credentials file.
    func knownSecrets() -> [String] {
        var keys: [String] = []
        for kind in ProviderKind.allCases {
            if let variable = kind.keyVariable, let key = APIKey(environment[variable], source: variable) {
                keys.append(key.revealForHeader())
            }
        }
        let path = ProviderResolver(environment: environment).credentialsPath
        if let credentials = try? ProviderCredentials.load(path: path) {
            for kind in ProviderKind.allCases {
                if let key = credentials.entry(for: kind)?.apiKey { keys.append(key.revealForHeader()) }
            }
        }
        return Array(Set(keys)).sorted()
    }

    /// A sink for streamed text that never passes on a known key, even one split across fragments; call
    /// `finish()` after the last fragment to release the held tail.
    func scrubbedStream(for onText: (@Sendable (Int, String) -> Void)?, variant: Int) -> StreamScrubber? {
        guard let onText else { return nil }
        return StreamScrubber(secrets: knownSecrets(), emit: { text in onText(variant, text) })
    }

    /// `text` with every known key, raw or encoded, replaced by `[redacted]`.
    func redactingSecrets(_ text: String, secrets: [String]? = nil) -> String {
        let secrets = secrets ?? knownSecrets()
        guard !secrets.isEmpty else { return text }
        return SecretScrubber.scrub(text, secrets: secrets)
    }

    /// DNA bytes with every known key removed from their strings (a replacement never adds a quote, so the JSON stays valid).
    func redactingSecrets(_ data: Data) -> Data {
        let secrets = knownSecrets()
        guard !secrets.isEmpty, let text = String(data: data, encoding: .utf8) else { return data }
        let cleaned = redactingSecrets(text, secrets: secrets)
        return cleaned == text ? data : Data(cleaned.utf8)
    }

    /// A qualitative reading with every known key removed from its phrases and quotations.
    func redactingSecrets(_ profile: QualitativeProfile) -> QualitativeProfile {
        let secrets = knownSecrets()
        guard !secrets.isEmpty else { return profile }
        func clean(_ items: [String]) -> [String] { items.map { redactingSecrets($0, secrets: secrets) } }
        var profile = profile
        profile.tone = clean(profile.tone)
        profile.attitude = clean(profile.attitude)
        profile.themes = clean(profile.themes)
        profile.dos = clean(profile.dos)
        profile.donts = clean(profile.donts)
        profile.evidence = clean(profile.evidence)
        return profile
    }
}
