import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with one open/fstat/read sequence. The scanner reads thousands of files per
/// run, and FileManager's attribute dictionaries cost more than the reads themselves.
///
/// The file is opened with `O_NOFOLLOW` unless the caller asks otherwise, the size limit is checked on
/// the descriptor actually opened (so a link cannot hide a large file), only regular files are read
/// (never a FIFO or a device), and the read stops one byte past the limit whatever `fstat` said.
enum FileReader {
    enum Outcome {
        case data(Data)
        case tooLarge(Int)
        case symbolicLink
        case notRegular
        case unreadable(String)
    }

    static func read(_ path: String, limit: Int, followLinks: Bool = false) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            if errno == ELOOP { return .symbolicLink }
            return .unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        return read(descriptor: fd, limit: limit, requireRegular: true)
    }

    /// Reads an open descriptor to its end, at most `limit` bytes (standard input, or a file opened above).
    static func read(descriptor fd: Int32, limit: Int, requireRegular: Bool) -> Outcome {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        if requireRegular, !isRegular { return .notRegular }
        if isRegular {
            // A regular file never blocks; clear O_NONBLOCK, which only guarded the open of a FIFO.
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0, flags & O_NONBLOCK != 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        }
        let declared = isRegular ? Int(info.st_size) : 0
        if declared > limit { return .tooLarge(declared) }
        // Read straight into the result, sized from fstat plus one byte: a regular file arrives in one read and
        // the next returns 0, with no scratch buffer to clear and copy out of for each of thousands of samples.
        // A file that grew since fstat (or a pipe, whose size is unknown) fills the room; it then doubles, never
        // past one byte over the limit.
        var data = Data(count: isRegular ? declared + 1 : min(64 * 1024, limit + 1))
        var filled = 0
        while true {
            if filled == data.count {
                if filled > limit { return .tooLarge(filled) }
                data.count = min(data.count * 2, limit + 1)
            }
            let room = data.count - filled
            let n = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, room) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var poll = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = Glibc.poll(&poll, 1, -1)
                    continue
                }
                return .unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            filled += n
            if filled > limit { return .tooLarge(filled) }
        }
        data.count = filled
        return .data(data)
    }
}
