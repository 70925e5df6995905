import Foundation

/// What command-line git may have left the repository in. Sync refuses to run unless it is `clean`:
/// integrating on top of a half-done merge or rebase would mix two people's half-finished work.
public enum GitRepositoryState: String, Sendable, Codable {
    case clean, merge, revert, cherryPick = "cherry-pick", bisect, rebase, applyMailbox = "am"
}

/// How two commits relate, counted in commits each has that the other lacks.
public struct GitAheadBehind: Sendable, Equatable, Codable {
    public var ahead: Int
    public var behind: Int
    public init(ahead: Int, behind: Int) {
        self.ahead = ahead
        self.behind = behind
    }
}

/// One path both sides changed in ways git cannot combine, with the three versions' bytes
/// (nil where the side has no file). The caller decides what the merged tree holds instead;
/// nothing with conflict markers is ever produced.
public struct GitConflict: Sendable, Equatable {
    public var path: String
    public var ancestor: Data?
    public var ours: Data?
    public var theirs: Data?
    public init(path: String, ancestor: Data?, ours: Data?, theirs: Data?) {
        self.path = path
        self.ancestor = ancestor
        self.ours = ours
        self.theirs = theirs
    }
}

/// A file in a tree being built: `contents` nil removes the path.
public struct GitTreeEdit: Sendable, Equatable {
    public var path: String
    public var contents: Data?
    public init(path: String, contents: Data?) {
        self.path = path
        self.contents = contents
    }
}

/// The result of offering a commit to a remote branch.
public enum GitPushOutcome: Sendable, Equatable {
    case pushed
    /// The remote refused the update, usually because someone else pushed first.
    case rejected(reason: String)
}

/// Where credentials for a remote come from. Nothing here is ever written to the vault:
/// ssh uses the ssh-agent, then `~/.ssh/id_ed25519` and `~/.ssh/id_rsa`; https uses a token
/// from `VOICECLONE_GIT_TOKEN` (user name from `VOICECLONE_GIT_USERNAME`, default
/// `x-access-token`, which GitHub and GitLab accept for tokens).
public struct GitCredentials: Sendable {
    public static let tokenVariable = "VOICECLONE_GIT_TOKEN"
    public static let usernameVariable = "VOICECLONE_GIT_USERNAME"
    public static let sshKeyVariable = "VOICECLONE_SSH_KEY"

    public var token: String?
    public var username: String?
    /// Private key files to offer, in order; each is tried with its `.pub` beside it if present.
    public var sshKeys: [String]
    public var useAgent: Bool

    public init(token: String? = nil, username: String? = nil, sshKeys: [String] = [], useAgent: Bool = true) {
        self.token = token
        self.username = username
        self.sshKeys = sshKeys
        self.useAgent = useAgent
    }

    /// Reads the token and key locations from the environment; `HOME` gives the default keys.
    public static func fromEnvironment(_ env: [String: String]) -> GitCredentials {
        var keys: [String] = []
        if let explicit = env[sshKeyVariable], !explicit.isEmpty { keys.append(explicit) }
        if let home = env["HOME"], !home.isEmpty {
            for name in ["id_ed25519", "id_rsa"] {
                let path = home + "/.ssh/" + name
                if FileManager.default.fileExists(atPath: path) { keys.append(path) }
            }
        }
        let token = env[tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
        return GitCredentials(token: token, username: env[usernameVariable], sshKeys: keys,
                              useAgent: env["SSH_AUTH_SOCK"] != nil)
    }

    /// What is available, for messages (never the secret itself).
    public var summary: String {
        var parts: [String] = []
        if useAgent { parts.append("ssh-agent") }
        parts.append(contentsOf: sshKeys.map { "key \($0)" })
        if token != nil { parts.append("token from $\(Self.tokenVariable)") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
