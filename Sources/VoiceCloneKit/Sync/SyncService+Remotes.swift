import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// A named remote the vault syncs with. URLs are stored in `.git/config`, never in the vault;
/// credentials are never stored at all (see `GitCredentials`).
public struct RemoteInfo: Codable, Sendable, Equatable {
    public var name: String
    public var url: String
}

extension SyncService {
    public func remotes() throws -> [RemoteInfo] {
        guard GitRepository.exists(at: vault.root) else { return [] }
        return try GitRepository.open(at: vault.root).remotes().map { RemoteInfo(name: $0.name, url: $0.url) }
    }

    @discardableResult
    public func addRemote(name: String, url: String) throws -> RemoteInfo {
        let lock = try VaultLock(vault: vault)
        defer { withExtendedLifetime(lock) {} }
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("."), !name.hasSuffix("."), !name.contains(".."),
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw SyncError.invalidRemoteName(name)
        }
        let repo = try repository()
        if let existing = try repo.remotes().first(where: { $0.name == name }) {
            throw SyncError.remoteExists(name, url: existing.url)
        }
        try repo.addRemote(name: name, url: url.trimmingCharacters(in: .whitespaces))
        return RemoteInfo(name: name, url: url)
    }

    @discardableResult
    public func removeRemote(name: String) throws -> RemoteInfo {
        let lock = try VaultLock(vault: vault)
        defer { withExtendedLifetime(lock) {} }
        let repo = try repository()
        let remotes = try repo.remotes()
        guard let existing = remotes.first(where: { $0.name == name }) else {
            throw SyncError.remoteNotFound(name, available: remotes.map(\.name))
        }
        try repo.removeRemote(name: name)
        return RemoteInfo(name: existing.name, url: existing.url)
    }
}
