import Foundation
import VoiceCloneHistory
import VoiceCloneVault

/// A concern of the session: the services (`workspace.samples`, `workspace.dna`, ...) are small values that hold
/// the `Workspace` they came from and reach the vault only through it, so one command shares one scan, one
/// sample reader, one lock and one commit path whichever services it uses.
///
/// The members below forward the session's parts a service body needs, so a body reads the same in any service.
/// A service calls another through the session (`session.dna.load(of:)`), never by holding it.
protocol WorkspaceService: Sendable {
    var session: Workspace { get }
}

extension WorkspaceService {
    var vault: Vault { session.vault }
    var config: VaultConfig { session.config }
    var environment: [String: String] { session.environment }
    var index: VaultIndex { session.index }
    var countingIndex: VaultIndex { session.countingIndex }
    var sampleReader: SampleReader { session.sampleReader }
    var onNote: (@Sendable (String) -> Void)? { session.onNote }

    func invalidate() { session.invalidate() }

    @discardableResult
    func change<T>(_ body: (inout ChangeSet) throws -> T) throws -> T { try session.change(body) }

    func changeCommitted<T>(_ body: (inout ChangeSet) throws -> T) throws -> (value: T, commit: GitCommitID?) {
        try session.changeCommitted(body)
    }

    @discardableResult
    func locking<T>(_ body: () throws -> T) throws -> T { try session.locking(body) }

    @discardableResult
    func commit(paths: [String], message: String) throws -> GitCommitID? { try session.commit(paths: paths, message: message) }

    func repository() throws -> GitRepository { try session.repository() }

    func identity(_ repo: GitRepository) -> GitIdentity { session.identity(repo) }
}
