import Foundation

/// A vault on disk: where it is and where everything lives inside it. Reading and changing the
/// files is done by `VaultScanner` and the writers; this type only knows the layout.
public struct Vault: Sendable {
    public static let markerDirectory = ".voiceclone"
    public static let configFile = "config.yaml"
    public static let environmentVariable = "VOICECLONE_VAULT"

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public var markerURL: URL { root.appendingPathComponent(Self.markerDirectory, isDirectory: true) }
    public var configURL: URL { markerURL.appendingPathComponent(Self.configFile) }
    public var lockURL: URL { markerURL.appendingPathComponent("lock") }
    public var clonesURL: URL { root.appendingPathComponent("clones", isDirectory: true) }
    public var libraryURL: URL { root.appendingPathComponent("library", isDirectory: true) }

    public func cloneURL(_ slug: String) -> URL { clonesURL.appendingPathComponent(slug, isDirectory: true) }
    public func manifestURL(_ slug: String) -> URL { cloneURL(slug).appendingPathComponent("clone.md") }
    public func samplesURL(_ slug: String) -> URL { cloneURL(slug).appendingPathComponent("samples", isDirectory: true) }
    public func dnaURL(_ slug: String) -> URL { cloneURL(slug).appendingPathComponent("dna", isDirectory: true) }

    /// A path relative to the vault root, with forward slashes, as git and the JSON output use it.
    public func relativePath(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }

    public func url(forRelativePath path: String) -> URL { root.appendingPathComponent(path) }

    public func loadConfig() throws -> VaultConfig {
        if let link = ContainedFile.linkedComponent(Self.markerDirectory + "/" + Self.configFile, in: self) {
            throw VaultError.symbolicLink(link)
        }
        return try VaultConfig.load(from: configURL)
    }

    /// Finds the vault to work on: `--vault DIR`, else `$VOICECLONE_VAULT`, else the nearest
    /// ancestor of `workingDirectory` holding `.voiceclone/config.yaml`.
    public static func discover(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> Vault {
        if let explicit, !explicit.isEmpty {
            return try checked(URL(fileURLWithPath: explicit, relativeTo: workingDirectory))
        }
        if let env = environment[environmentVariable], !env.isEmpty {
            return try checked(URL(fileURLWithPath: env, relativeTo: workingDirectory))
        }
        var dir = workingDirectory.standardizedFileURL
        while true {
            if isVault(dir) { return Vault(root: dir) }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        throw VaultError.notAVault(workingDirectory.path)
    }

    public static func isVault(_ dir: URL) -> Bool {
        FileManager.default.fileExists(atPath: dir.appendingPathComponent(markerDirectory).appendingPathComponent(configFile).path)
    }

    private static func checked(_ url: URL) throws -> Vault {
        let dir = url.standardizedFileURL
        guard isVault(dir) else { throw VaultError.notAVault(dir.path) }
        return Vault(root: dir)
    }
}
