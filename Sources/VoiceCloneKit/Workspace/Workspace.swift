import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// One open vault and everything a command does with it. The CLI makes one per run: the vault is
/// scanned once, lazily, each sample file is read once (`sampleReader`), and every change is written
/// atomically and committed through libgit2.
public final class Workspace: @unchecked Sendable {
    public let vault: Vault
    public let config: VaultConfig
    public let environment: [String: String]
    private var cachedIndex: VaultIndex?
    /// Every sample file this session reads, read once: the scan and every later reader share it.
    package let sampleReader = SampleReader()

    public init(vault: Vault, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.vault = vault
        self.config = try vault.loadConfig()
        self.environment = environment
    }

    /// Finds the vault the way every command does: `--vault`, `$VOICECLONE_VAULT`, then the nearest ancestor.
    public static func open(vaultPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                            workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> Workspace {
        let vault = try Vault.discover(explicit: vaultPath, environment: environment, workingDirectory: workingDirectory)
        return try Workspace(vault: vault, environment: environment)
    }

    /// The in-memory index of the vault, built on first use.
    public var index: VaultIndex {
        if let cachedIndex { return cachedIndex }
        let fresh = VaultScanner(vault: vault, reader: sampleReader).scan()
        cachedIndex = fresh
        return fresh
    }

    /// Forgets the index after a change so the next read sees the files as they are now.
    func invalidate() { cachedIndex = nil }

    /// Runs `body` holding the vault lock, then commits exactly the paths it reports as touched.
    @discardableResult
    func change<T>(_ body: (inout ChangeSet) throws -> T) throws -> T {
        let lock = try VaultLock(vault: vault)
        defer { withExtendedLifetime(lock) {} }
        invalidate()
        var changes = ChangeSet()
        let result: T
        do {
            result = try body(&changes)
        } catch {
            invalidate()
            throw error
        }
        invalidate()
        if !changes.paths.isEmpty, let message = changes.message {
            try commit(paths: changes.paths, message: message)
        }
        return result
    }

    func commit(paths: [String], message: String) throws {
        let repo = try repository()
        try repo.commit(paths: paths, message: message, identity: identity(repo))
    }

    func repository() throws -> GitRepository {
        if !GitRepository.exists(at: vault.root) {
            // A vault copied without its .git folder still works; history starts again here.
            return try GitRepository.create(at: vault.root)
        }
        return try GitRepository.open(at: vault.root)
    }

    /// Vault config, else git config, else a fixed default, as documented in the README.
    func identity(_ repo: GitRepository) -> GitIdentity {
        if let author = config.author { return GitIdentity(name: author.name, email: author.email) }
        return repo.configuredIdentity() ?? .fallback
    }
}

/// What a change touched, and how to describe it in `git log`.
struct ChangeSet {
    var paths: [String] = []
    var message: String?

    mutating func touch(_ path: String) { paths.append(path) }
}
