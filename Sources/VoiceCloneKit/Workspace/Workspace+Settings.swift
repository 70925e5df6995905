import Foundation
import VoiceCloneHistory
import VoiceCloneProviders
import VoiceCloneVault
import Yams

/// The vault's shared settings a writer edits (`.voiceclone/config.yaml`, committed like everything else): the
/// provider and model `generate` uses when none is named, and the name and email its commits carry. Keys are
/// never here: they live in the user's credentials file (`ProviderKeyStore`).
public struct VaultSettings: Codable, Sendable, Equatable {
    public var defaultProvider: String
    public var defaultModel: String?
    /// The vault's own commit identity; nil leaves it to git's `user.name`/`user.email`.
    public var author: VaultConfig.Identity?

    public init(defaultProvider: String, defaultModel: String? = nil, author: VaultConfig.Identity? = nil) {
        self.defaultProvider = defaultProvider
        self.defaultModel = defaultModel
        self.author = author
    }

    enum CodingKeys: String, CodingKey {
        case author
        case defaultProvider = "default_provider"
        case defaultModel = "default_model"
    }
}

/// Who the vault's commits are written by now, and why.
public struct CommitIdentity: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable {
        /// The vault's `author` setting.
        case vault
        /// git's `user.name` and `user.email`.
        case gitConfig = "git_config"
        /// Neither is set: the fixed default.
        case fallback
    }
    public var name: String
    public var email: String
    public var source: Source
}

/// The settings and who commits now: what `voiceclone settings --json` prints and `GET`/`PUT /api/settings` answer.
public struct SettingsReport: Codable, Sendable, Equatable {
    public var defaultProvider: String
    public var defaultModel: String?
    /// The vault's own commit identity, when it sets one.
    public var author: VaultConfig.Identity?
    /// Who the next commit is written by (the vault's author, else git's config, else the default), and why.
    public var commitIdentity: CommitIdentity

    enum CodingKeys: String, CodingKey {
        case author
        case defaultProvider = "default_provider"
        case defaultModel = "default_model"
        case commitIdentity = "commit_identity"
    }
}

public enum SettingsError: Error, Equatable, Sendable {
    case unknownProvider(String)
    case incompleteIdentity
    case invalidValue(field: String, reason: String)
}

extension SettingsError: LocalizedError {
    public var errorDescription: String? {
        let unchanged = "Nothing was changed."
        switch self {
        case .unknownProvider(let name):
            let names = (["auto"] + ProviderKind.allCases.map(\.rawValue)).joined(separator: ", ")
            return "\"\(name)\" is not a provider; choose one of \(names). \(unchanged)"
        case .incompleteIdentity:
            return "give both a name and an email for the vault's commits, or leave both empty to use git's user.name and user.email. \(unchanged)"
        case .invalidValue(let field, let reason):
            return "the \(field) \(reason). \(unchanged)"
        }
    }
}

// Settings stay on the session rather than in a service of their own: the config is read once when the session
// opens (`Workspace.config`), every service reads it from there, and the commit identity it names signs every
// service's commits (`identity`), so they are the session's state, not one concern's.
extension Workspace {
    /// The settings as the vault's config holds them now.
    public var settings: VaultSettings {
        VaultSettings(defaultProvider: config.defaultProvider, defaultModel: config.defaultModel, author: config.author)
    }

    /// The settings with the identity the next commit carries.
    public func settingsReport() -> SettingsReport {
        let settings = self.settings
        return SettingsReport(defaultProvider: settings.defaultProvider, defaultModel: settings.defaultModel,
                              author: settings.author, commitIdentity: commitIdentity())
    }

    /// The name and email the next commit will carry (the vault's `author`, else git's config, else the default).
    public func commitIdentity() -> CommitIdentity {
        if let author = config.author { return CommitIdentity(name: author.name, email: author.email, source: .vault) }
        if let repo = try? repository(), let git = repo.configuredIdentity() {
            return CommitIdentity(name: git.name, email: git.email, source: .gitConfig)
        }
        return CommitIdentity(name: GitIdentity.fallback.name, email: GitIdentity.fallback.email, source: .fallback)
    }

    /// Writes `settings` into `.voiceclone/config.yaml` and commits that file. Only the three settings' lines
    /// change: comments, platform presets and any key the tool does not know stay as the writer left them.
    @discardableResult
    public func updateSettings(_ settings: VaultSettings) throws -> VaultSettings {
        let provider = settings.defaultProvider.trimmingCharacters(in: .whitespaces)
        guard provider == "auto" || ProviderKind(rawValue: provider) != nil else { throw SettingsError.unknownProvider(provider) }
        let model = try Self.settingText(settings.defaultModel, field: "default model")
        let author = try settings.author.flatMap { identity -> VaultConfig.Identity? in
            let name = try Self.settingText(identity.name, field: "commit name")
            let email = try Self.settingText(identity.email, field: "commit email")
            switch (name, email) {
            case (nil, nil): return nil
            case (let name?, let email?):
                guard email.contains("@") else { throw SettingsError.invalidValue(field: "commit email", reason: "\"\(email)\" has no @") }
                return VaultConfig.Identity(name: try Self.gitSignatureText(name, field: "commit name"),
                                            email: try Self.gitSignatureText(email, field: "commit email"))
            default: throw SettingsError.incompleteIdentity
            }
        }
        let wanted = VaultSettings(defaultProvider: provider, defaultModel: model, author: author)
        return try locking {
            let path = Vault.markerDirectory + "/" + Vault.configFile
            let data = try ContainedFile.read(path, in: vault, limit: 1_048_576)
            var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            while lines.last?.isEmpty == true { lines.removeLast() }
            Self.setScalar(&lines, key: "default_provider", value: provider)
            Self.setScalar(&lines, key: "default_model", value: model)
            Self.setAuthor(&lines, author)
            let text = lines.joined(separator: "\n") + "\n"
            // The edited file must read back as exactly these settings before it replaces the old one.
            let decoded = try? YAMLDecoder().decode(VaultConfig.self, from: text)
            guard let decoded, decoded.defaultProvider == provider, decoded.defaultModel == model, decoded.author == author else {
                throw VaultError.invalidConfig(vault.configURL.path, reason: "could not be updated in place (its YAML is laid out in a way this edit does not follow); edit it by hand")
            }
            try change { changes in
                changes.touch(path)
                try AtomicFile.write(text, to: vault.configURL, mode: .replace)
                let who = author.map { "commits by \($0.name) <\($0.email)>" } ?? "commits by git's identity"
                changes.message = "settings: default provider \(provider)\(model.map { ", model \($0)" } ?? ""); \(who)"
            }
            return wanted
        }
    }

    /// A setting's text trimmed, nil when blank; one line of printable text.
    static func settingText(_ value: String?, field: String) throws -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || !yamlPrintable($0) }) {
            throw SettingsError.invalidValue(field: field, reason: "holds a line break or control character; use one line of text")
        }
        if value.count > 200 { throw SettingsError.invalidValue(field: field, reason: "is longer than 200 characters") }
        return value
    }

    /// Whether YAML (1.1, as Yams reads it) keeps this character as it is inside one quoted line: not a line
    /// separator (U+2028, U+2029), a byte-order mark or a noncharacter, which it would fold or refuse.
    static func yamlPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2028, 0x2029, 0xFEFF: return false
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A name or email git can sign a commit with: no angle brackets (they delimit the email), and something left
    /// once git trims the spaces and punctuation it drops from either end.
    static func gitSignatureText(_ value: String, field: String) throws -> String {
        if value.contains("<") || value.contains(">") {
            throw SettingsError.invalidValue(field: field, reason: "holds < or >, which git does not allow in a commit's name or email")
        }
        let crud = CharacterSet(charactersIn: ".,:;\"\\'").union(.whitespaces)
        if value.trimmingCharacters(in: crud).isEmpty {
            throw SettingsError.invalidValue(field: field, reason: "is only spaces and punctuation, which git drops")
        }
        return value
    }

    /// YAML's double-quoted form: safe for any one-line text (a colon, a leading dash, `yes`, a number).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Replaces the top-level `key:` line (or adds one); nil removes it.
    static func setScalar(_ lines: inout [String], key: String, value: String?) {
        let index = lines.firstIndex { $0.hasPrefix(key + ":") }
        switch (index, value) {
        case (let i?, let value?): lines[i] = "\(key): \(yamlQuoted(value))"
        case (let i?, nil): lines.remove(at: i)
        case (nil, let value?): lines.append("\(key): \(yamlQuoted(value))")
        case (nil, nil): break
        }
    }

    /// Replaces the top-level `author:` block (its line and the indented lines under it), or adds one; nil removes it.
    static func setAuthor(_ lines: inout [String], _ author: VaultConfig.Identity?) {
        var insertAt = lines.count
        if let start = lines.firstIndex(where: { $0.hasPrefix("author:") }) {
            var end = start + 1
            while end < lines.count, lines[end].hasPrefix(" ") || lines[end].hasPrefix("\t") { end += 1 }
            lines.removeSubrange(start..<end)
            insertAt = start
        }
        guard let author else { return }
        lines.insert(contentsOf: ["author:", "  name: \(yamlQuoted(author.name))", "  email: \(yamlQuoted(author.email))"], at: insertAt)
    }
}
