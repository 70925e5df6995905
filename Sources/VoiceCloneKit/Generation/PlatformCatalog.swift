import VoiceCloneVault
import VoiceCloneGeneration

/// The platforms a vault knows: the built-in presets plus the ones its config adds or overrides under `platforms:`.
struct PlatformCatalog {
    let config: VaultConfig

    /// The preset called `name`, and the extra guidance the config gives for it.
    func platform(named name: String) throws -> (platform: Platform, guidance: String?) {
        let custom = (config.platforms ?? [:]).sorted { $0.key < $1.key }.map { key, preset in
            (Self.platform(key, preset), preset.guidance)
        }
        let found = try Platform.preset(named: name, custom: custom.map(\.0))
        let guidance = custom.first { $0.0.name.lowercased() == found.name.lowercased() }?.1
        return (found, guidance)
    }

    /// A config preset on top of the built-in preset of the same name (or `generic`).
    static func platform(_ name: String, _ preset: VaultConfig.PlatformPreset) -> Platform {
        var platform = (try? Platform.preset(named: name)) ?? Platform.generic
        platform.name = name
        if let max = preset.maxChars { platform.maxChars = max }
        if let hook = preset.hookChars { platform.hookChars = hook }
        if let headings = preset.headings { platform.headings = headings }
        if let hashtags = preset.hashtags { platform.hashtags = hashtags ? max(platform.hashtags, 3) : 0 }
        if let words = preset.maxWords { platform.defaultWords = max(5, min(platform.defaultWords, words * 4 / 5)) }
        return platform
    }
}
