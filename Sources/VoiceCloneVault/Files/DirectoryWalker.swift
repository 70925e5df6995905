#if canImport(Glibc)
import Glibc
#endif

/// Lists files under a folder with readdir. FileManager's enumerator costs tens of microseconds per
/// file on Linux, more than parsing the file; the scanner walks every sample on every command.
enum DirectoryWalker {
    /// Regular files below `root`, as absolute paths, sorted. Hidden entries (leading dot) are skipped.
    /// Symbolic links are never followed (to files or folders): they are listed apart in `links` so the
    /// caller can report them, and a link loop cannot hang a scan. Folders below the root that cannot be opened
    /// (no permission, or nested so deep that the path passes the system's limit) are listed in `unreadable` with
    /// the reason, so the samples inside are reported missing rather than silently left out.
    static func walk(under root: String) -> (files: [String], links: [String], unreadable: [(path: String, reason: String)]) {
        var out: [String] = []
        var links: [String] = []
        var unreadable: [(path: String, reason: String)] = []
        var stack = [root]
        while let dir = stack.popLast() {
            guard let handle = opendir(dir) else {
                let code = errno
                // The root itself may simply not exist yet (a clone without samples).
                if dir != root || code != ENOENT { unreadable.append((dir, String(cString: strerror(code)))) }
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): stack.append(path)
                case Int32(DT_REG): out.append(path)
                case Int32(DT_LNK): links.append(path)
                default:
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: out.append(path)
                    case S_IFDIR: stack.append(path)
                    case S_IFLNK: links.append(path)
                    default: continue
                    }
                }
            }
        }
        return (out.sorted(), links.sorted(), unreadable.sorted { $0.path < $1.path })
    }

    static func files(under root: String) -> [String] { walk(under: root).files }
}
