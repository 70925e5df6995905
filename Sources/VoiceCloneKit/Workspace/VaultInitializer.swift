import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// What `voiceclone init` reports.
public struct InitResult: Codable, Sendable {
    public var path: String
    public var commit: String?
    public var remote: String?
    public var formatVersion: Int
    /// True when `init DIR --remote URL` cloned an existing vault (a second machine joining) instead of creating one.
    public var joined: Bool = false
    /// Slugs of the clones already in the folder (one adopted from a copy, a download or a joined remote); empty for a new vault.
    public var clones: [String] = []

    enum CodingKeys: String, CodingKey {
        case path, commit, remote, joined, clones
        case formatVersion = "format_version"
    }
}

/// Creates a vault: the marker folder with its config, the clones/ and library/ folders, git
/// ignore and attribute rules suited to a vault, a git repository and a first commit.
public enum VaultInitializer {
    static let gitignore = """
        # Voice Clone: never commit the lock, temporary files or editor state.
        .voiceclone/lock
        .*.tmp
        .obsidian/workspace*.json
        .obsidian/cache
        .trash/
        .vscode/
        .idea/
        .DS_Store
        Thumbs.db
        *.swp
        *~

        """

    static let gitattributes = """
        # Samples and DNA are text: diff them line by line, keep LF endings on every machine.
        *.md    text eol=lf diff=markdown
        *.txt   text eol=lf
        *.json  text eol=lf
        *.yaml  text eol=lf

        """

    static let readme = """
        # Voice Clone vault

        This folder is a Voice Clone vault: one folder per writer's voice under `clones/`, each with
        Markdown samples in `samples/` and versioned Voice DNA in `dna/`. Edit samples in any editor,
        review DNA changes with `git diff`, and share the vault through a git remote (`voiceclone sync`).

        """

    public static func initialize(at directory: URL, remote: String? = nil, identity: GitIdentity? = nil) throws -> InitResult {
        let vault = Vault(root: directory)
        let fm = FileManager.default
        // A vault folder copied without its .git (a download, a backup) is adopted: it gets a
        // repository and a first commit of everything in it.
        if Vault.isVault(vault.root) && GitRepository.exists(at: vault.root) { throw VaultError.alreadyAVault(vault.root.path) }
        do {
            try fm.createDirectory(at: vault.root, withIntermediateDirectories: true)
        } catch {
            throw VaultError.notWritable(vault.root.path)
        }
        guard fm.isWritableFile(atPath: vault.root.path) else { throw VaultError.notWritable(vault.root.path) }
        if let remote, let joined = try join(remote, at: vault) { return joined }

        var written: [String] = []
        func put(_ text: String, _ relative: String) throws {
            let url = vault.url(forRelativePath: relative)
            if fm.fileExists(atPath: url.path) { return } // a folder being adopted keeps its own files
            try AtomicFile.write(text, to: url, mode: .createNew)
            written.append(relative)
        }
        let config = VaultConfig()
        try put(try config.render(), ".voiceclone/config.yaml")
        try put(gitignore, ".gitignore")
        try put(gitattributes, ".gitattributes")
        try put(readme, "README.md")
        for folder in ["clones", "library"] {
            try fm.createDirectory(at: vault.url(forRelativePath: folder), withIntermediateDirectories: true)
            try put("", "\(folder)/.gitkeep")
        }
        // Adopting a folder that already holds files: commit them too (but never the lock or git's own folder).
        if let walker = fm.enumerator(at: vault.root, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let url as URL in walker {
                let relative = vault.relativePath(url)
                if relative == ".git" || relative == ".voiceclone/lock" || relative.hasSuffix(".tmp") {
                    walker.skipDescendants()
                    continue
                }
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true { written.append(relative) }
            }
        }

        let repo = GitRepository.exists(at: vault.root) ? try GitRepository.open(at: vault.root) : try GitRepository.create(at: vault.root)
        if let remote, try !repo.remotes().contains(where: { $0.name == "origin" }) {
            try repo.addRemote(name: "origin", url: remote)
        }
        let who = identity ?? repo.configuredIdentity() ?? .fallback
        let commit = try repo.commit(paths: written, message: "Create Voice Clone vault", identity: who)
        return InitResult(path: vault.root.path, commit: commit?.hex, remote: remote, formatVersion: config.formatVersion,
                          clones: VaultCompletions(vault: vault).clones())
    }

    /// The branch a local bare repository's HEAD names (`ref: refs/heads/trunk`), nil for other URLs.
    static func localRemoteHeadBranch(_ remote: String) -> String? {
        let path = remote.hasPrefix("file://") ? (URL(string: remote)?.path ?? remote) : remote
        guard path.hasPrefix("/"), let head = try? String(contentsOfFile: path + "/HEAD", encoding: .utf8) else { return nil }
        let line = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("ref: refs/heads/") else { return nil }
        let branch = String(line.dropFirst("ref: refs/heads/".count))
        return branch.isEmpty ? nil : branch
    }

    /// A second machine joining: when `directory` is empty (or missing) and `remote` can be cloned, the clone is the
    /// vault. A remote holding a vault gives that vault, ready to use; an empty remote gives a repository whose branch is
    /// the one the remote's HEAD names, which `initialize` then fills (so the first push goes where `git clone` looks).
    /// Nil when there is nothing to join (the folder has files, or the remote cannot be reached yet): a new vault is made.
    static func join(_ remote: String, at vault: Vault) throws -> InitResult? {
        let fm = FileManager.default
        guard ((try? fm.contentsOfDirectory(atPath: vault.root.path)) ?? []).isEmpty else { return nil }
        let credentials = GitCredentials.fromEnvironment(ProcessInfo.processInfo.environment)
        let repo: GitRepository
        do {
            repo = try GitRepository.clone(from: remote, into: vault.root, credentials: credentials)
        } catch {
            // Unreachable for now (or not created yet): start a new vault with the remote recorded, as before.
            for name in (try? fm.contentsOfDirectory(atPath: vault.root.path)) ?? [] {
                try? fm.removeItem(at: vault.root.appendingPathComponent(name))
            }
            return nil
        }
        if repo.isHeadUnborn {
            let branches = repo.remoteBranches()
            if branches.isEmpty {
                // An empty remote: the first commit goes on the branch its HEAD names, where `git clone` will look.
                if let branch = localRemoteHeadBranch(remote) { try repo.setUnbornHead(branch) }
                return nil
            }
            // HEAD names a branch the remote lacks (its HEAD says master, the vault pushed main): take main, else the only one.
            let pick = branches.contains("main") ? "main" : branches.count == 1 ? branches[0] : nil
            guard let pick, try repo.checkoutRemoteBranch(pick) else {
                throw VaultError.invalidConfig(remote, reason: "has several branches (\(branches.joined(separator: ", "))) and its HEAD names none of them; "
                    + "clone it with `git clone -b BRANCH \(remote)` instead")
            }
        }
        guard Vault.isVault(vault.root) else {
            throw VaultError.invalidConfig(remote, reason: "holds a git repository but not a Voice Clone vault (no .voiceclone/config.yaml); "
                + "it was cloned into \(vault.root.path) so you can look at it")
        }
        let config = try vault.loadConfig()
        return InitResult(path: vault.root.path, commit: repo.headID()?.hex, remote: remote, formatVersion: config.formatVersion, joined: true,
                          clones: VaultCompletions(vault: vault).clones())
    }
}
