import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with one open/fstat/read sequence. The scanner reads thousands of files per
/// run, and FileManager's attribute dictionaries cost more than the reads themselves.
enum FileReader {
    enum Outcome {
        case data(Data)
        case tooLarge(Int)
        case unreadable(String)
    }

    static func read(_ path: String, limit: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        if size > limit { return .tooLarge(size) }
        var data = Data(count: size)
        var filled = 0
        let ok = data.withUnsafeMutableBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            while filled < size {
                let n = Glibc.read(fd, base + filled, size - filled)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                filled += n
            }
            return true
        }
        guard ok else { return .unreadable(String(cString: strerror(errno))) }
        if filled < size { data.removeSubrange(filled..<size) }
        return .data(data)
    }
}
