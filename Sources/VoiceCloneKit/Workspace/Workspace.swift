import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// The session: one open vault for one command. The CLI makes one per run (the server one per request): the
/// vault is scanned once, lazily, each sample file is read once (`sampleReader`), and every change is written
/// atomically and committed through libgit2 (`change`). What a command does lives in the services reached from
/// it, one per concern (`workspace.samples`, `workspace.dna`, ...; `Workspace+Services.swift`).
public final class Workspace: @unchecked Sendable {
    public let vault: Vault
    public let config: VaultConfig
    public let environment: [String: String]
    private var cachedIndex: VaultIndex?
    /// The vault lock while a command holds it; `locking` nests, so a change inside a locked read takes no second lock.
    private var heldLock: VaultLock?
    private var lockDepth = 0
    /// Every sample file this session reads, read once: the scan and every later reader share it.
    package let sampleReader = SampleReader()
    /// Where notes that belong to no single result go (this command finished an interrupted one). Kit never
    /// writes to stderr itself: the CLI prints these there, the server to its own log.
    public var onNote: (@Sendable (String) -> Void)?

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

    /// The index for a command that reads no sample text after the scan (`check`): unless this session has scanned
    /// already, the scan keeps none of the texts it reads, so memory holds a sample per core, not the whole vault
    /// (keeping them doubled `check`'s peak at 10,000 samples). Cached like `index`; a later reader in the same
    /// session then reads its file from disk once more, into `sampleReader`.
    var countingIndex: VaultIndex {
        if let cachedIndex { return cachedIndex }
        let fresh = VaultScanner(vault: vault).scan()
        cachedIndex = fresh
        return fresh
    }

    /// Forgets the index after a change so the next read sees the files as they are now.
    func invalidate() { cachedIndex = nil }

    /// Runs `body` holding the vault lock, then commits exactly the paths it reports as touched.
    @discardableResult
    func change<T>(_ body: (inout ChangeSet) throws -> T) throws -> T {
        try locking { try recordChange(body) }.value
    }

    /// `change`, also giving the id of the commit it made (nil when it touched nothing), for results that name it.
    func changeCommitted<T>(_ body: (inout ChangeSet) throws -> T) throws -> (value: T, commit: GitCommitID?) {
        try locking { try recordChange(body) }
    }

    /// Runs `body` holding the vault lock, taken (and the index forgotten) before `body` reads anything, so a
    /// command's read-modify-write can never interleave with another's. Re-entrant within one workspace.
    @discardableResult
    func locking<T>(_ body: () throws -> T) throws -> T {
        if lockDepth > 0 {
            lockDepth += 1
            defer { lockDepth -= 1 }
            return try body()
        }
        let lock = try VaultLock(vault: vault)
        heldLock = lock
        lockDepth = 1
        defer {
            lockDepth = 0
            heldLock = nil
        }
        if GitRepository.exists(at: vault.root) {
            let repo = try repository()
            try repo.checkReadyToCommit()
            if let recovery = try ChangeJournal.recover(vault: vault, repository: repo, identity: identity(repo)) {
                let what = recovery.commit.map { "committed \(recovery.committed.count) file(s) it had written as \($0)" }
                    ?? "nothing of it was left to commit"
                onNote?("the last voiceclone command on this vault was interrupted; \(what).")
            }
        }
        invalidate()
        return try body()
    }

    private func recordChange<T>(_ body: (inout ChangeSet) throws -> T) throws -> (value: T, commit: GitCommitID?) {
        let journal = ChangeJournal(vault: vault)
        var changes = ChangeSet(journal: journal)
        let result: T
        do {
            result = try body(&changes)
        } catch {
            invalidate()
            journal?.finish()
            throw error
        }
        invalidate()
        var id: GitCommitID?
        if !changes.paths.isEmpty, let message = changes.message {
            // A failed commit keeps the journal: the next command commits what this one wrote.
            id = try commit(paths: changes.paths, message: message)
        }
        journal?.finish()
        return (result, id)
    }

    /// Commits exactly `paths`; the id of the new commit, or nil when they held nothing new to commit.
    @discardableResult
    func commit(paths: [String], message: String) throws -> GitCommitID? {
        let repo = try repository()
        return try repo.commit(paths: paths, message: message, identity: identity(repo))
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
    /// Every path appended is noted in the journal at once, so a kill before the commit loses none of them.
    var paths: [String] = [] {
        didSet { if paths.count > oldValue.count { journal?.record(paths[oldValue.count...]) } }
    }
    var message: String?
    var journal: ChangeJournal?

    mutating func touch(_ path: String) { paths.append(path) }
}
