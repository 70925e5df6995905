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
        switch FileReader.read(url.path, limit: 1_048_576) {
        case .data(let data):
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw VaultError.invalidConfig(url.path, reason: "cannot be read as UTF-8 text")
            }
            text = decoded
        case .symbolicLink:
            throw VaultError.symbolicLink(url.path)
        case .tooLarge:
            throw VaultError.invalidConfig(url.path, reason: "is larger than 1 MB, far more than any settings file needs")
        case .notRegular, .unreadable:
            throw VaultError.invalidConfig(url.path, reason: "cannot be read as UTF-8 text")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return VaultConfig() }
        let config: VaultConfig
        do {
            guard let node = try Yams.compose(yaml: text) else { return VaultConfig() }
            if let problem = YAMLLimits.violation(in: node) {
                throw VaultError.invalidConfig(url.path, reason: "is refused: \(problem)")
            }
            config = try YAMLDecoder().decode(VaultConfig.self, from: node)
        } catch let error as VaultError {
            throw error
        } catch let error as DecodingError {
            throw VaultError.invalidConfig(url.path, reason: describe(error))
        } catch {
            throw VaultError.invalidConfig(url.path, reason: "is not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        if config.formatVersion > currentFormatVersion {
            throw VaultError.unsupportedFormatVersion(url.path, found: config.formatVersion, supported: currentFormatVersion)
        }
        return config
    }

    /// A decoding failure as the key that is wrong and the type it should have, never Swift's own dump.
    static func describe(_ error: DecodingError) -> String {
        func keyPath(_ path: [any CodingKey]) -> String {
            let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the top level" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        func typeName(_ type: Any.Type) -> String {
            switch type {
            case is Int.Type: return "a whole number"
            case is Bool.Type: return "true or false"
            case is String.Type: return "text"
            case is Double.Type: return "a number"
            default:
                let name = String(describing: type)
                // Yams names the YAML node kind it needed rather than the Swift type.
                if name.contains("Scalar") { return "a single value (text or a number), not a list or mapping" }
                if name.contains("Sequence") { return "a list" }
                if name.hasPrefix("Dictionary") { return "a mapping of `key: value` lines" }
                if name.hasPrefix("Array") { return "a list" }
                return "a mapping of `key: value` lines"
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "the value of `\(keyPath(context.codingPath))` has the wrong type: expected \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "`\(keyPath(context.codingPath))` has no value: expected \(typeName(type))"
        case .keyNotFound(let key, let context):
            return "`\(keyPath(context.codingPath + [key]))` is missing"
        case .dataCorrupted(let context):
            return "the value of `\(keyPath(context.codingPath))` is not valid (\(context.debugDescription))"
        @unknown default:
            return "is not valid"
        }
    }

    public func render() throws -> String {
        let body = try YAMLEncoder().encode(self)
        return "# Voice Clone vault settings. Shared through git: never put API keys here.\n" + body
    }
}
