internal import CZip
import Foundation

/// The only file that touches libzip: lists a zip's entries and reads them with size limits.
///
/// Sizes in the central directory can lie, so reads stop at the limit whatever the header claimed:
/// a zip bomb is refused after reading at most `limit + 1` bytes.
final class ZipArchive {
    enum Failure: Error {
        case notAZip
        case corrupt(String)
        case missingEntry(String)
        case entryTooLarge(String, limit: Int)
    }

    struct Entry {
        var name: String
        var size: Int
    }

    private let archive: OpaquePointer

    init(path: String) throws {
        var code: Int32 = 0
        guard let opened = zip_open(path, ZIP_RDONLY, &code) else {
            if code == ZIP_ER_NOZIP { throw Failure.notAZip }
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw Failure.corrupt(String(cString: zip_error_strerror(&error)))
        }
        archive = opened
    }

    deinit { zip_discard(archive) }

    /// Every file entry (directories left out), in the archive's order.
    var entries: [Entry] {
        let count = zip_get_num_entries(archive, 0)
        guard count > 0 else { return [] }
        var result: [Entry] = []
        for index in 0..<UInt64(count) {
            var stat = zip_stat_t()
            guard zip_stat_index(archive, index, 0, &stat) == 0, let name = stat.name else { continue }
            let entryName = String(cString: name)
            if entryName.hasSuffix("/") { continue }
            result.append(Entry(name: entryName, size: Int(clamping: stat.size)))
        }
        return result
    }

    func contains(_ name: String) -> Bool { zip_name_locate(archive, name, 0) >= 0 }

    /// The bytes of entry `name`, refusing more than `limit` bytes whatever the header says.
    func read(_ name: String, limit: Int) throws -> Data {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0 else { throw Failure.missingEntry(name) }
        var stat = zip_stat_t()
        if zip_stat_index(archive, UInt64(index), 0, &stat) == 0, stat.size > UInt64(limit) {
            throw Failure.entryTooLarge(name, limit: limit)
        }
        guard let file = zip_fopen_index(archive, UInt64(index), 0) else {
            throw Failure.corrupt(String(cString: zip_error_strerror(zip_get_error(archive))))
        }
        defer { zip_fclose(file) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = zip_fread(file, &buffer, UInt64(buffer.count))
            if count < 0 { throw Failure.corrupt(String(cString: zip_error_strerror(zip_file_get_error(file)))) }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<Int(count)])
            if data.count > limit { throw Failure.entryTooLarge(name, limit: limit) }
        }
        return data
    }
}
