import Foundation

/// Reads parts of a DOCX or EPUB under one uncompressed-size budget, turning zip failures into `ImportError`s.
///
/// The budget covers every part read from the archive, so many medium entries cannot add up to a bomb either.
final class ArchiveReader {
    let path: String
    private let archive: ZipArchive
    private var remaining: Int
    private let limit: Int

    init(path: String, maxUncompressedBytes: Int, notAnArchive: (String) -> ImportError) throws {
        self.path = path
        limit = maxUncompressedBytes
        remaining = maxUncompressedBytes
        do {
            archive = try ZipArchive(path: path)
        } catch ZipArchive.Failure.notAZip {
            throw notAnArchive(Self.sniff(path))
        } catch ZipArchive.Failure.corrupt(let reason) {
            throw ImportError.corruptArchive(path, reason: reason)
        }
    }

    func contains(_ name: String) -> Bool { archive.contains(name) }

    var entryNames: [String] { archive.entries.map(\.name) }

    func data(_ name: String) throws -> Data {
        do {
            let data = try archive.read(name, limit: remaining)
            remaining -= data.count
            return data
        } catch ZipArchive.Failure.entryTooLarge(let entry, _) {
            throw ImportError.zipBomb(path, entry: entry, limit: limit)
        } catch ZipArchive.Failure.corrupt(let reason) {
            throw ImportError.corruptArchive(path, reason: "\(name): \(reason)")
        } catch ZipArchive.Failure.missingEntry(let entry) {
            throw ImportError.corruptArchive(path, reason: "\(entry) is missing")
        }
    }

    /// Reads and parses an XML part.
    func xml(_ name: String) throws -> MarkupElement {
        let bytes = try data(name)
        do {
            return try LibXML.parseXML(bytes)
        } catch LibXML.Failure.notWellFormed(let reason) {
            throw ImportError.malformedXML(path, part: name, reason: reason)
        } catch LibXML.Failure.tooDeep(let limit) {
            throw ImportError.documentTooDeep(path, part: name, limit: limit)
        } catch LibXML.Failure.entityDeclarations {
            throw ImportError.entityDeclarations(path, part: name)
        }
    }

    /// Says what the file is when it is not a zip at all, for the error message.
    private static func sniff(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "not a zip archive" }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "it is an old Word 97-2003 (.doc) file" }
        if head.starts(with: Array("%PDF".utf8)) { return "it is a PDF; rename it to .pdf" }
        if head.starts(with: Array("{\\rtf".utf8)) { return "it is an RTF file" }
        return "it is not a zip archive"
    }
}
