import Foundation
import Yams

/// The user's own credentials file, outside every vault: `$XDG_CONFIG_HOME/voiceclone/credentials.yaml`, else
/// `~/.config/voiceclone/credentials.yaml`.
///
/// Vaults are shared through git, so keys never live in them. The file is refused unless only its owner can
/// read it (mode 0600 or stricter), the same rule ssh applies to private keys.
///
///     openai:
///       api_key: sk-...
///     anthropic:
///       api_key: sk-ant-...
///     openai-compatible:
///       base_url: http://127.0.0.1:11434/v1
public struct ProviderCredentials: Sendable {
    /// One provider's section.
    public struct Entry: Sendable {
        public var apiKey: APIKey?
        public var baseURL: String?
    }

    /// The file read, or `nil` when there was none.
    public let path: String?
    private let entries: [String: Entry]

    public static let empty = ProviderCredentials(path: nil, entries: [:])

    private init(path: String?, entries: [String: Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Where the file is looked for, given the environment.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return xdg + "/voiceclone/credentials.yaml"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/voiceclone/credentials.yaml"
    }

    /// Reads the file at `path`; no file is not an error (there is simply nothing in it).
    /// - Throws: ``ProviderError/insecureCredentialsFile(path:mode:)`` when group or others may read it,
    ///   ``ProviderError/invalidCredentialsFile(path:reason:)`` when it is not the expected YAML.
    public static func load(path: String) throws -> ProviderCredentials {
        var info = stat()
        guard stat(path, &info) == 0 else { return ProviderCredentials(path: nil, entries: [:]) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ProviderError.invalidCredentialsFile(path: path, reason: "is not a regular file")
        }
        let permissions = info.st_mode & 0o777
        if permissions & 0o077 != 0 {
            throw ProviderError.insecureCredentialsFile(path: path, mode: String(permissions, radix: 8))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProviderError.invalidCredentialsFile(path: path, reason: "cannot be read (check its owner)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return ProviderCredentials(path: path, entries: [:]) }
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            // The YAML error may quote a line of the file, which could hold a key: say only where it is.
            throw ProviderError.invalidCredentialsFile(path: path, reason: "is not valid YAML")
        }
        guard let mapping = node?.mapping else {
            throw ProviderError.invalidCredentialsFile(path: path, reason: "must map provider names to settings")
        }
        var entries: [String: Entry] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard let section = value.mapping else {
                throw ProviderError.invalidCredentialsFile(
                    path: path, reason: "the \"\(name)\" entry must hold api_key: and/or base_url:")
            }
            var entry = Entry()
            for (field, fieldValue) in section {
                switch field.string {
                case "api_key": entry.apiKey = APIKey(fieldValue.string, source: path)
                case "base_url": entry.baseURL = fieldValue.string?.trimmingCharacters(in: .whitespaces)
                default: break
                }
            }
            entries[name.lowercased()] = entry
        }
        return ProviderCredentials(path: path, entries: entries)
    }

    /// The section for `kind`, if the file has one.
    public func entry(for kind: ProviderKind) -> Entry? { entries[kind.rawValue] }
}
