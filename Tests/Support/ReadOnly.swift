import Foundation

/// Makes a folder tree read-only in a way that holds even for root (CI runs as root, which
/// ignores permission bits): the immutable attribute when available, else plain permissions.
public enum ReadOnly {
    public static func make(_ url: URL) -> Bool {
        if getuid() == 0 {
            guard let r = try? ProcessRunner.run("/usr/bin/chattr", ["-R", "+i", url.path]), r.status == 0 else { return false }
            return true
        }
        return (try? ProcessRunner.run("/bin/chmod", ["-R", "a-w", url.path]))?.status == 0
    }

    public static func undo(_ url: URL) {
        if getuid() == 0 {
            _ = try? ProcessRunner.run("/usr/bin/chattr", ["-R", "-i", url.path])
        } else {
            _ = try? ProcessRunner.run("/bin/chmod", ["-R", "u+w", url.path])
        }
    }
}
