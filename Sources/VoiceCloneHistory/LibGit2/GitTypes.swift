import Foundation

/// Who a commit is by. Resolved from the vault config, else git's config, else `fallback`.
public struct GitIdentity: Sendable, Equatable, Codable {
    public var name: String
    public var email: String
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
    public static let fallback = GitIdentity(name: "Voice Clone", email: "voiceclone@localhost")
}

public struct GitCommitID: Sendable, Hashable, Codable, CustomStringConvertible {
    public var hex: String
    public init(hex: String) { self.hex = hex }
    public var short: String { String(hex.prefix(8)) }
    public var description: String { hex }
}

public struct GitCommitInfo: Sendable, Codable {
    public var id: GitCommitID
    public var message: String
    public var authorName: String
    public var authorEmail: String
    public var date: Date
    public var parentCount: Int
    public var changedPaths: [String]
    public var summary: String { message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? "" }
}

public struct GitStatusEntry: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case added, modified, deleted, conflicted }
    public var path: String
    public var kind: Kind
}

public struct GitRemote: Sendable, Codable, Equatable {
    public var name: String
    public var url: String
}

public struct GitError: Error, LocalizedError, Sendable {
    public var action: String
    public var detail: String
    public var code: Int
    public var errorDescription: String? { "git could not \(action): \(detail)" }
}
