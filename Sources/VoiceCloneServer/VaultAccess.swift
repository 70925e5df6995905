import Dispatch
import Foundation
import VoiceCloneKit
import VoiceCloneVault

/// Every request's way into Kit. Each call opens a fresh `Workspace` (a fresh scan, so edits made by the CLI or
/// an editor meanwhile are seen) and runs off the event loops, since Kit blocks on files, git and locks.
/// Writes from this server go one at a time; a lock held by another process is waited for briefly, then
/// answered with 409 (Kit itself takes the lock, writes atomically and commits what it touched).
final class VaultAccess: Sendable {
    let root: URL
    let environment: [String: String]
    let lockWait: Double
    private let writes = WriteGate()

    init(vaultPath: String?, environment: [String: String], lockWait: Double) throws {
        let workspace = try Workspace.open(vaultPath: vaultPath, environment: environment)
        root = workspace.vault.root
        self.environment = environment
        self.lockWait = lockWait
    }

    func workspace() throws -> Workspace {
        let workspace = try Workspace.open(vaultPath: root.path, environment: environment)
        // The server's terminal is its log: a note about an interrupted command lands where it always did.
        workspace.onNote = { FileHandle.standardError.write(Data(("note: " + $0 + "\n").utf8)) }
        return workspace
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Workspace) throws -> T) async throws -> T {
        try await Self.offLoop { [self] in try body(try workspace()) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Workspace) throws -> T) async throws -> T {
        await writes.acquire()
        do {
            let result = try await Self.offLoop { [self] in
                try waitForOtherProcesses()
                return try body(try workspace())
            }
            await writes.release()
            return result
        } catch {
            await writes.release()
            throw error
        }
    }

    /// For Kit calls that are async themselves (generation, provider rewrites). They are not queued behind other
    /// writes: a slow model must not hold up the vault; Kit takes the lock only for the moment it saves.
    func run<T: Sendable>(_ body: @Sendable (Workspace) async throws -> T) async throws -> T {
        let session = try await Self.offLoop { [self] in try workspace() }
        return try await body(session)
    }

    /// Waits up to `lockWait` seconds for a lock another process holds, then gives up with Kit's own error (409).
    private func waitForOtherProcesses() throws {
        let vault = try workspace().vault
        _ = try VaultLock(vault: vault, timeout: lockWait)
    }

    static func offLoop<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}

/// One writer at a time inside this process, in arrival order.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}
