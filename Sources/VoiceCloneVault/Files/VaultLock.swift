import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serialises commands that change one vault. An advisory `flock` on `.voiceclone/lock`: the
/// kernel drops it when the process dies, so a crash never leaves a vault locked.
public final class VaultLock: @unchecked Sendable {
    private let fd: Int32
    public let path: String

    /// Waits up to `timeout` seconds for the lock, then gives up with a clear error.
    public init(vault: Vault, timeout: TimeInterval = 10) throws {
        path = vault.lockURL.path
        try? FileManager.default.createDirectory(at: vault.markerURL, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EACCES || errno == EROFS { throw VaultError.notWritable(vault.markerURL.path) }
            throw VaultError.io(path, String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno != EWOULDBLOCK && errno != EINTR {
                close(fd)
                throw VaultError.io(path, String(cString: strerror(errno)))
            }
            if Date() >= deadline {
                close(fd)
                throw VaultError.locked(path)
            }
            usleep(50_000)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
