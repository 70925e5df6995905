import Foundation

/// Writes files so a reader never sees half of one: the bytes go to a temporary file in the same
/// directory, are flushed, and then renamed over the destination in one step.
public enum AtomicFile {
    public enum Mode: Sendable {
        /// Refuse to replace an existing file: adding something must never overwrite a user's words.
        case createNew
        /// Replace the file if present (only for files the tool owns, such as config it generated).
        case replace
    }

    public static func write(_ data: Data, to url: URL, mode: Mode = .createNew) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        if mode == .createNew, fm.fileExists(atPath: url.path) {
            throw VaultError.fileExists(url.path)
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard fm.createFile(atPath: temp.path, contents: nil) else {
            throw VaultError.notWritable(dir.path)
        }
        do {
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if mode == .createNew {
                // link(2) fails if the destination exists, so two writers racing for one name cannot clobber each other.
                if link(temp.path, url.path) != 0 {
                    let code = errno
                    try? fm.removeItem(at: temp)
                    if code == EEXIST { throw VaultError.fileExists(url.path) }
                    throw VaultError.io(url.path, String(cString: strerror(code)))
                }
                try? fm.removeItem(at: temp)
            } else if rename(temp.path, url.path) != 0 {
                let code = errno
                try? fm.removeItem(at: temp)
                throw VaultError.io(url.path, String(cString: strerror(code)))
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
    }

    public static func write(_ text: String, to url: URL, mode: Mode = .createNew) throws {
        try write(Data(text.utf8), to: url, mode: mode)
    }
}
