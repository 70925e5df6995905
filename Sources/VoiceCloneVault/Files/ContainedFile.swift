import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads and inspects files that must stay inside a vault. A collaborator can commit a symbolic link
/// (`samples/notes.md -> ~/.config/voiceclone/credentials.yaml`); git checks it out as a link, so every
/// read of a vault path refuses links, in the file itself or in any folder between it and the vault root.
public enum ContainedFile {
    /// The first component of `relativePath` (below the vault root) that is a symbolic link, as a
    /// vault-relative path, or nil when the whole chain is made of real folders and a real file.
    public static func linkedComponent(_ relativePath: String, in vault: Vault) -> String? {
        var current = vault.root.path
        var relative: [Substring] = []
        for component in relativePath.split(separator: "/") where component != "." {
            current += "/" + component
            relative.append(component)
            var info = stat()
            guard lstat(current, &info) == 0 else { return nil }
            if (info.st_mode & S_IFMT) == S_IFLNK { return relative.joined(separator: "/") }
        }
        return nil
    }

    /// The bytes of the vault file at `relativePath`, refusing links, non-regular files and files over `limit`.
    public static func read(_ relativePath: String, in vault: Vault, limit: Int) throws -> Data {
        if let link = linkedComponent(relativePath, in: vault) { throw VaultError.symbolicLink(link) }
        let path = vault.url(forRelativePath: relativePath).path
        switch FileReader.read(path, limit: limit) {
        case .data(let data): return data
        case .symbolicLink: throw VaultError.symbolicLink(relativePath)
        case .tooLarge(let size): throw VaultError.tooLarge(relativePath, bytes: size, limit: limit)
        case .notRegular: throw VaultError.invalidSample(relativePath, reason: "is not a regular file (a folder, device or pipe); remove it")
        case .unreadable(let reason):
            if !FileManager.default.fileExists(atPath: path) { throw VaultError.sourceNotFound(relativePath) }
            throw VaultError.io(relativePath, "cannot be read (\(reason))")
        }
    }

    /// True when `path` itself is a symbolic link (not followed).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Where a link points, for messages.
    public static func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    }

    /// `path` with every link resolved (the folder part if the file does not exist yet).
    public static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        guard parent != path, !parent.isEmpty else { return path }
        return resolved(parent) + "/" + url.lastPathComponent
    }

    /// True when `path`, links resolved, lies inside the folder `root` (links resolved too).
    public static func isInside(_ path: String, root: String) -> Bool {
        let real = resolved(path)
        let base = resolved(root)
        return real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}

/// Reads input the user names outside the vault (a file to import or judge, or standard input) under a size limit
/// that holds for every route: a link, a FIFO, `/dev/zero` or a pipe all stop one byte past `limit`.
public enum BoundedInput {
    /// Standard input, at most `limit` bytes; more is refused with `VaultError.tooLarge`.
    public static func standardInput(limit: Int = VaultScanner.maxSampleBytes) throws -> Data {
        switch FileReader.read(descriptor: 0, limit: limit, requireRegular: false) {
        case .data(let data): return data
        case .tooLarge(let size): throw VaultError.tooLarge("standard input", bytes: size, limit: limit)
        case .unreadable(let reason): throw VaultError.io("standard input", reason)
        case .symbolicLink, .notRegular: throw VaultError.io("standard input", "cannot be read")
        }
    }

    /// Standard input for closures that cannot throw: what `standardInput(limit:)` reads, or one byte past the
    /// limit when it is over it, so the caller's own size check refuses it without holding more in memory.
    public static func standardInputOrOversize(limit: Int = VaultScanner.maxSampleBytes) -> Data {
        do { return try standardInput(limit: limit) } catch { return Data(count: limit + 1) }
    }

    /// The file the user named. A symbolic link is refused (the message names its target, which the user can pass
    /// instead), so a link in a shared folder never pulls in a file the user did not mean to read.
    public static func file(_ path: String, limit: Int) throws -> Data {
        if ContainedFile.isSymbolicLink(path) { throw VaultError.linkedInput(path, target: ContainedFile.linkTarget(path)) }
        switch FileReader.read(path, limit: limit) {
        case .data(let data): return data
        case .symbolicLink: throw VaultError.linkedInput(path, target: ContainedFile.linkTarget(path))
        case .tooLarge(let size): throw VaultError.tooLarge(path, bytes: size, limit: limit)
        case .notRegular: throw VaultError.invalidSample(path, reason: "is not a regular file (a folder, device or pipe); name a file")
        case .unreadable(let reason):
            if !FileManager.default.fileExists(atPath: path) { throw VaultError.sourceNotFound(path) }
            throw VaultError.invalidSample(path, reason: "cannot be read (\(reason)); check its permissions")
        }
    }
}
