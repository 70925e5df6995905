import Foundation
import VoiceCloneProviders
import VoiceCloneVault
import Yams

/// What `providers key set/clear` (and `PUT`/`DELETE /api/providers/{provider}/key`) did. Never holds the key.
public struct ProviderKeyChange: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable { case set, cleared }

    public var provider: String
    public var action: Action
    /// The credentials file written (links resolved).
    public var credentialsFile: String
    /// False when clearing found no key in the file.
    public var changed: Bool
    /// The environment variable that still overrides the file for this run, when it is set.
    public var overriddenBy: String?

    enum CodingKeys: String, CodingKey {
        case provider, action, changed
        case credentialsFile = "credentials_file"
        case overriddenBy = "overridden_by"
    }
}

/// Why a key could not be stored or removed. Messages never quote the key.
public enum ProviderKeyError: LocalizedError, Equatable, Sendable {
    case unknownProvider(String)
    case takesNoKey(provider: String)
    case invalidKey(reason: String)
    case insideVault(path: String)
    case unreadableFile(path: String, reason: String)
    case notWritable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unknownProvider(let name):
            "there is no provider \"\(name)\"; keys are for openai, anthropic or openai-compatible"
        case .takesNoKey(let provider):
            "\(provider) is the offline engine and takes no key; keys are for openai, anthropic or openai-compatible"
        case .invalidKey(let reason):
            "the key was not saved: \(reason)"
        case .insideVault(let path):
            "\(path) is inside the vault, which is shared through git; keys are kept only outside it "
                + "(in ~/.config/voiceclone/, or point XDG_CONFIG_HOME outside the vault)"
        case .unreadableFile(let path, let reason):
            "\(path) \(reason); fix or move it by hand, then set the key again (it was left as it is)"
        case .notWritable(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}

/// Sets and removes one provider's key in the user's credentials file (``ProviderCredentials``), the only place
/// keys are written. The file is replaced atomically (a 0600 temporary file renamed over it, so no reader ever
/// sees half a file or a readable key), its folder is 0700, and every other entry is kept (comments are not:
/// the file is re-emitted from its parsed YAML).
public enum ProviderKeyStore {
    /// Longer than any provider's keys; a paste of something else is refused rather than stored.
    public static let maxKeyLength = 4096
    /// Read-modify-write of one file: two changes in one process (two API requests) must not lose each other.
    private static let fileLock = NSLock()

    /// Stores `key` as `provider`'s `api_key`. `vaultRoot`, when given, is where the file must not resolve to.
    public static func set(_ provider: String, key: String, environment: [String: String], vaultRoot: URL?) throws -> ProviderKeyChange {
        let kind = try keyedKind(provider)
        try validate(key)
        let path = try credentialsPath(environment: environment, vaultRoot: vaultRoot)
        fileLock.lock()
        defer { fileLock.unlock() }
        var root = try readMapping(path)
        let name = sectionKey(in: root, for: kind) ?? Node(kind.rawValue)
        var section = root[name] ?? Node.mapping(Node.Mapping([]))
        guard var fields = section.mapping else {
            throw ProviderKeyError.unreadableFile(path: path, reason: "has a \"\(kind.rawValue)\" entry that is not a mapping")
        }
        fields["api_key"] = Node(key, .implicit, .singleQuoted)
        section.mapping = fields
        root[name] = section
        try write(root, to: path)
        return ProviderKeyChange(provider: kind.rawValue, action: .set, credentialsFile: path, changed: true,
                                 overriddenBy: overridingVariable(kind, environment))
    }

    /// Removes `provider`'s `api_key` (and its section when nothing else is left in it); other entries stay.
    public static func clear(_ provider: String, environment: [String: String], vaultRoot: URL?) throws -> ProviderKeyChange {
        let kind = try keyedKind(provider)
        let path = try credentialsPath(environment: environment, vaultRoot: vaultRoot)
        fileLock.lock()
        defer { fileLock.unlock() }
        var root = try readMapping(path)
        var changed = false
        if let name = sectionKey(in: root, for: kind), var fields = root[name]?.mapping, fields["api_key"] != nil {
            fields["api_key"] = nil
            root[name] = fields.isEmpty ? nil : Node.mapping(fields)
            try write(root, to: path)
            changed = true
        }
        return ProviderKeyChange(provider: kind.rawValue, action: .cleared, credentialsFile: path, changed: changed,
                                 overriddenBy: overridingVariable(kind, environment))
    }

    /// A key as providers accept it: printable ASCII without spaces (a pasted line break or blank would
    /// otherwise be stored and then fail, or be sent, on every request).
    public static func validate(_ key: String) throws {
        if key.isEmpty { throw ProviderKeyError.invalidKey(reason: "it is empty") }
        if key.utf8.count > maxKeyLength { throw ProviderKeyError.invalidKey(reason: "it is longer than \(maxKeyLength) bytes") }
        for scalar in key.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.value == 0x7F {
                throw ProviderKeyError.invalidKey(reason: "it contains a control character (a line break?)")
            }
            if scalar.properties.isWhitespace { throw ProviderKeyError.invalidKey(reason: "it contains a space or other blank") }
            if !(0x21...0x7E).contains(scalar.value) {
                throw ProviderKeyError.invalidKey(reason: "it contains a character that is not plain ASCII")
            }
        }
    }

    static func keyedKind(_ provider: String) throws -> ProviderKind {
        guard let kind = ProviderKind(loose: provider) else { throw ProviderKeyError.unknownProvider(String(provider.prefix(64))) }
        guard kind.keyVariable != nil else { throw ProviderKeyError.takesNoKey(provider: kind.rawValue) }
        return kind
    }

    /// The credentials file with links resolved (so a dotfiles link keeps working and cannot hide a vault path).
    static func credentialsPath(environment: [String: String], vaultRoot: URL?) throws -> String {
        let configured = URL(fileURLWithPath: ProviderResolver(environment: environment).credentialsPath).standardizedFileURL.path
        let path = ContainedFile.resolved(configured)
        if let vaultRoot, ContainedFile.isInside(path, root: vaultRoot.path) {
            throw ProviderKeyError.insideVault(path: path)
        }
        return path
    }

    static func overridingVariable(_ kind: ProviderKind, _ environment: [String: String]) -> String? {
        guard let variable = kind.keyVariable, APIKey(environment[variable], source: variable) != nil else { return nil }
        return variable
    }

    /// The file's top-level mapping; empty when there is no file yet. A file that is not a provider mapping is
    /// left alone: overwriting it could lose the user's other settings.
    static func readMapping(_ path: String) throws -> Node.Mapping {
        var info = stat()
        guard lstat(path, &info) == 0 else { return Node.Mapping([]) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ProviderKeyError.unreadableFile(path: path, reason: "is not a regular file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProviderKeyError.unreadableFile(path: path, reason: "cannot be read (check its owner)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Node.Mapping([]) }
        // A YAML error may quote a line holding a key: say only where the file is.
        guard let node = try? Yams.compose(yaml: text, .basic) else {
            throw ProviderKeyError.unreadableFile(path: path, reason: "is not valid YAML")
        }
        guard let mapping = node.mapping else { throw ProviderKeyError.unreadableFile(path: path, reason: "does not map provider names to settings") }
        return mapping
    }

    /// The existing section's key for `kind` (matched without case, as ``ProviderCredentials`` reads it).
    static func sectionKey(in root: Node.Mapping, for kind: ProviderKind) -> Node? {
        root.keys.first { $0.string?.lowercased() == kind.rawValue }
    }

    /// Writes a 0600 temporary file next to `path`, flushes it and renames it over `path`; the folder is made
    /// (0700) when missing and tightened to 0700 when it is the tool's own `voiceclone` folder.
    static func write(_ root: Node.Mapping, to path: String) throws {
        let text: String
        do {
            text = root.isEmpty ? "" : try Yams.serialize(node: .mapping(root))
        } catch {
            throw ProviderKeyError.notWritable(path: path, reason: "the settings could not be written as YAML")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ProviderKeyError.notWritable(path: folder.path, reason: "the folder cannot be created")
        }
        if folder.lastPathComponent == "voiceclone" { _ = chmod(folder.path, 0o700) }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ProviderKeyError.notWritable(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            failure = "the write failed (disk full?)"
        }
        if failure == nil, fchmod(fd, 0o600) != 0 || fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil, rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp)
            throw ProviderKeyError.notWritable(path: path, reason: failure)
        }
        // The rename is durable only once the folder's entry is on disk.
        let dir = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
    }
}

extension ProviderService {
    /// `providers key set`: stores the key in the user's credentials file, refused when that file lies in this vault.
    public func setKey(_ provider: String, key: String) throws -> ProviderKeyChange {
        try ProviderKeyStore.set(provider, key: key, environment: environment, vaultRoot: vault.root)
    }

    /// `providers key clear`.
    public func clearKey(_ provider: String) throws -> ProviderKeyChange {
        try ProviderKeyStore.clear(provider, environment: environment, vaultRoot: vault.root)
    }
}
