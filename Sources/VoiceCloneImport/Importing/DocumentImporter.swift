import Foundation
import VoiceCloneHTTP

/// Turns files, folders and web pages into `ImportedDocument`s: the entry point the app layer calls.
/// `sample add` reaches it through Kit's `ImportBridge`, one input at a time (Kit expands folders itself, so
/// every file gets its own result line):
///
///     let documents = try DocumentImporter(options: ImportOptions()).importSource(path)
///     // usually one document; an EPUB split by chapter gives several
///
/// `importSource` also takes a folder (`expand` lists the supported files under it) or an http(s) URL.
public struct DocumentImporter: Sendable {
    public var options: ImportOptions
    private let client: HTTPClient

    public init(options: ImportOptions = ImportOptions(), client: HTTPClient = HTTPClient()) {
        self.options = options
        self.client = client
    }

    /// True for `http://` and `https://` sources (any other scheme is refused by `importSource`).
    public static func isURL(_ source: String) -> Bool {
        guard let colon = source.firstIndex(of: ":"), source[colon...].hasPrefix("://") else { return false }
        let scheme = source[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// The sources to import for `source`: a URL or a file as it is, a folder as every supported file
    /// under it (hidden files and folders skipped), sorted by path so runs are reproducible.
    public func expand(_ source: String) throws -> [String] {
        if Self.isURL(source) { return [source] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else { throw ImportError.notFound(source) }
        guard isDirectory.boolValue else { return [source] }
        let root = URL(fileURLWithPath: source)
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { throw ImportError.unreadable(source, reason: "the folder cannot be listed") }
        var files: [String] = []
        for case let url as URL in walker {
            // Links stay in the list (importFile refuses each by name); the walker never descends into linked folders.
            let isLink = Self.linkTarget(url.path) != nil
            guard isLink || (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  SourceFormat(pathExtension: url.pathExtension) != nil else { continue }
            let relative = url.path.hasPrefix(root.path) ? String(url.path.dropFirst(root.path.count)) : "/" + url.lastPathComponent
            files.append(source.hasSuffix("/") ? source + relative.dropFirst() : source + relative)
        }
        return files.sorted()
    }

    /// Imports one source: a file, a folder (every supported file under it, stopping at the first error;
    /// use `expand` to report per file), or an http(s) URL.
    public func importSource(_ source: String) throws -> [ImportedDocument] {
        if Self.isURL(source) {
            let scheme = source.prefix { $0 != ":" }.lowercased()
            guard scheme == "http" || scheme == "https" else { throw ImportError.unsupportedURL(source) }
            return [try WebPageImporter(options: options, client: client).importURL(source)]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else { throw ImportError.notFound(source) }
        if isDirectory.boolValue {
            return try expand(source).flatMap { try importFile($0) }
        }
        return try importFile(source)
    }

    private func importFile(_ path: String) throws -> [ImportedDocument] {
        guard let format = SourceFormat(pathExtension: URL(fileURLWithPath: path).pathExtension) else {
            throw ImportError.unsupportedExtension(path)
        }
        if let target = Self.linkTarget(path) { throw ImportError.symbolicLink(path, target: target) }
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw ImportError.unreadable(path, reason: "its size cannot be read")
        }
        if size > options.maxFileBytes { throw ImportError.fileTooLarge(path, bytes: size, limit: options.maxFileBytes) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw ImportError.unreadable(path, reason: "permission denied") }

        switch format {
        case .pdf:
            return [try PDFImporter().importFile(at: path)]
        case .docx:
            return [try DOCXImporter(options: options).importFile(at: path)]
        case .epub:
            return try EPUBImporter(options: options).importFile(at: path)
        case .html:
            return [try HTMLImporter(minimumWords: options.minimumWords).importPage(
                data: try read(path), headerCharset: nil, source: path, sourceType: .html, fallbackTitle: FileTitle.fromPath(path)
            )]
        case .text, .markdown:
            return [try TextFileImporter(format: format).importFile(at: path, data: try read(path))]
        }
    }

    /// Reads at most `maxFileBytes` (plus one) whatever the file claims to be, so a file that grows or a
    /// special file cannot make memory grow past the limit.
    private func read(_ path: String) throws -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ImportError.unreadable(path, reason: "reading failed") }
        defer { try? handle.close() }
        var data = Data()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw ImportError.unreadable(path, reason: "reading failed") }
            if chunk.isEmpty { break }
            data.append(chunk)
            if data.count > options.maxFileBytes { throw ImportError.fileTooLarge(path, bytes: data.count, limit: options.maxFileBytes) }
        }
        return data
    }

    /// Where `path` points when it is a symbolic link (the link itself, not a folder above it), else nil.
    static func linkTarget(_ path: String) -> String? {
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
              type == .typeSymbolicLink else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "another file"
    }
}
