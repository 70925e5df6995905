internal import CZip
import Foundation

/// Writes zip files for DOCX and EPUB fixtures; the only test-support file that touches libzip.
public enum ZipWriter {
    public struct Entry: Sendable {
        public var name: String
        public var data: Data
        /// Store uncompressed (EPUB's `mimetype` must be stored and first).
        public var stored: Bool

        public init(_ name: String, _ data: Data, stored: Bool = false) {
            self.name = name
            self.data = data
            self.stored = stored
        }

        public init(_ name: String, _ text: String, stored: Bool = false) {
            self.init(name, Data(text.utf8), stored: stored)
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func write(_ entries: [Entry], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        var code: Int32 = 0
        guard let archive = zip_open(url.path, ZIP_CREATE | ZIP_EXCL, &code) else {
            throw Failure(description: "zip_open failed with code \(code) for \(url.path)")
        }
        // libzip reads the buffers only at zip_close, so they must stay allocated until then.
        var buffers: [UnsafeMutableRawPointer] = []
        defer { buffers.forEach { $0.deallocate() } }
        for entry in entries {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, entry.data.count), alignment: 1)
            buffers.append(buffer)
            entry.data.withUnsafeBytes { raw in
                if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: raw.count) }
            }
            guard let source = zip_source_buffer(archive, buffer, UInt64(entry.data.count), 0) else {
                zip_discard(archive)
                throw Failure(description: "zip_source_buffer failed for \(entry.name)")
            }
            let index = zip_file_add(archive, entry.name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8)
            guard index >= 0 else {
                zip_source_free(source)
                zip_discard(archive)
                throw Failure(description: "zip_file_add failed for \(entry.name)")
            }
            zip_set_file_compression(archive, UInt64(index), entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0)
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_error_strerror(zip_get_error(archive)))
            zip_discard(archive)
            throw Failure(description: "zip_close failed for \(url.path): \(message)")
        }
    }
}
