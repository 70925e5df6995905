import Foundation
import Yams

/// `.voiceclone/config.yaml`. Holds settings a team shares through git, so it never holds secrets:
/// API keys come from the environment or a user config file outside the vault.
public struct VaultConfig: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 1

    public struct Identity: Codable, Sendable, Equatable {
        public var name: String
        public var email: String
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }
    }

    /// A platform preset users add next to the built-in ones (see `voiceclone generate --platform`).
    public struct PlatformPreset: Codable, Sendable, Equatable {
        public var maxChars: Int?
        public var maxWords: Int?
        public var hashtags: Bool?
        public var headings: Bool?
        public var hookChars: Int?
        public var guidance: String?
        enum CodingKeys: String, CodingKey {
            case maxChars = "max_chars", maxWords = "max_words", hashtags, headings
            case hookChars = "hook_chars", guidance
        }
    }

    public var formatVersion: Int
    public var defaultProvider: String
    public var defaultModel: String?
    public var author: Identity?
    public var platforms: [String: PlatformPreset]?

    public init(formatVersion: Int = VaultConfig.currentFormatVersion, defaultProvider: String = "local",
                defaultModel: String? = nil, author: Identity? = nil, platforms: [String: PlatformPreset]? = nil) {
        self.formatVersion = formatVersion
        self.defaultProvider = defaultProvider
        self.defaultModel = defaultModel
        self.author = author
        self.platforms = platforms
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case defaultProvider = "default_provider"
        case defaultModel = "default_model"
        case author, platforms
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.decodeIfPresent(Int.self, forKey: .formatVersion) ?? 1
        defaultProvider = try c.decodeIfPresent(String.self, forKey: .defaultProvider) ?? "local"
        defaultModel = try c.decodeIfPresent(String.self, forKey: .defaultModel)
        author = try c.decodeIfPresent(Identity.self, forKey: .author)
        platforms = try c.decodeIfPresent([String: PlatformPreset].self, forKey: .platforms)
    }

    public static func load(from url: URL) throws -> VaultConfig {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw VaultError.invalidConfig(url.path, reason: "cannot be read as UTF-8 text")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return VaultConfig() }
        let config: VaultConfig
        do {
            config = try YAMLDecoder().decode(VaultConfig.self, from: text)
        } catch {
            throw VaultError.invalidConfig(url.path, reason: "is not valid (\(String(describing: error).prefix(200)))")
        }
        if config.formatVersion > currentFormatVersion {
            throw VaultError.unsupportedFormatVersion(url.path, found: config.formatVersion, supported: currentFormatVersion)
        }
        return config
    }

    public func render() throws -> String {
        let body = try YAMLEncoder().encode(self)
        return "# Voice Clone vault settings. Shared through git: never put API keys here.\n" + body
    }
}
