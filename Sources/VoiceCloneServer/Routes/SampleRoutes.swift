import Foundation
import Hummingbird
import VoiceCloneKit
import VoiceCloneVault

/// Samples: `sample list/show/add/remove`; uploads as multipart in every import format, and import from URLs.
enum SampleRoutes {
    struct Import: Decodable, Sendable {
        var urls: [String]
        var title: String?
        var type: String?
        var aiAssisted: Bool?
        var splitChapters: Bool?
    }

    static func add(to router: APIRouter, state: ServerState) {
        let vault = state.vault
        let configuration = state.configuration

        router.get("/api/clones/:clone/samples") { _, context in
            let clone = try context.path("clone")
            return try JSONBody.response(try await vault.read { try $0.samples.list(clone) })
        }
        router.get("/api/clones/:clone/samples/:sample") { _, context in
            let clone = try context.path("clone"), id = try context.path("sample")
            return try JSONBody.response(try await vault.read { try $0.samples.show(clone, id: id) })
        }
        router.delete("/api/clones/:clone/samples/:sample") { _, context in
            let clone = try context.path("clone"), id = try context.path("sample")
            return try JSONBody.response(try await vault.write { try $0.samples.remove(clone, id: id) })
        }
        router.post("/api/clones/:clone/samples") { request, context in
            let clone = try context.path("clone")
            guard let boundary = MultipartForm.boundary(of: request.headers[.contentType]) else {
                throw Problem(status: .unsupportedMediaType, detail: "Upload samples as multipart/form-data with one or more \"file\" parts.")
            }
            let buffer = try await request.body.collect(upTo: configuration.maxUploadBytes)
            let form = try MultipartForm.parse(buffer, boundary: boundary)
            let files = form.files
            guard !files.isEmpty else {
                throw Problem(status: .unprocessableContent, detail: "The upload has no files; send each one as a part with a filename.")
            }
            var staging = try addOptions(title: form.field("title"), type: form.field("type"),
                                         aiAssisted: form.field("ai_assisted").map(flag), splitChapters: form.field("split_chapters").map(flag))
            let staged = try UploadStaging(files: files.map { ($0.filename ?? "upload", $0.data) })
            // The sample's provenance names the file the writer uploaded, never the temporary staging path.
            staging.sourceNames = Dictionary(zip(staged.paths, staged.names.map { "upload: \($0)" }), uniquingKeysWith: { a, _ in a })
            let options = staging
            defer { staged.remove() }
            let results = try await vault.write { try $0.samples.add(clone, inputs: staged.paths, standardInput: { Data() }, options: options) }
            return try JSONBody.response(staged.presented(results), status: status(of: results))
        }
        router.post("/api/clones/:clone/samples/import") { request, context in
            let clone = try context.path("clone")
            let body = try await JSONBody.decode(Import.self, from: request, limit: configuration.maxJSONBytes)
            guard !body.urls.isEmpty, body.urls.count <= 50 else {
                throw Problem(status: .unprocessableContent, detail: "\"urls\" takes 1 to 50 http(s) addresses.")
            }
            for url in body.urls {
                let lower = url.lowercased()
                // Only web addresses: a path here would let a request read any file the server can.
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), URL(string: url)?.host != nil else {
                    throw Problem(status: .unprocessableContent, detail: "\(url) is not an http(s) URL; upload files with POST /api/clones/{clone}/samples.")
                }
            }
            let options = try addOptions(title: body.title, type: body.type, aiAssisted: body.aiAssisted, splitChapters: body.splitChapters)
            let results = try await vault.write { try $0.samples.add(clone, inputs: body.urls, standardInput: { Data() }, options: options) }
            return try JSONBody.response(results, status: status(of: results))
        }
    }

    /// 201 when something was added; 200 when everything was already there; 422 when nothing could be read.
    static func status(of results: [SampleAddResult]) -> HTTPResponse.Status {
        if results.contains(where: { $0.status == .added }) { return .created }
        if results.allSatisfy({ $0.status == .failed }) { return .unprocessableContent }
        return .ok
    }

    static func flag(_ value: String) -> Bool {
        ["1", "true", "yes", "on"].contains(value.lowercased())
    }

    static func addOptions(title: String?, type: String?, aiAssisted: Bool?, splitChapters: Bool?) throws -> SampleAddOptions {
        var contentType: ContentType?
        if let type, !type.isEmpty {
            guard let parsed = ContentType(loose: type) else {
                throw Problem(status: .unprocessableContent,
                              detail: "Unknown type \"\(type)\"; use one of \(ContentType.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            contentType = parsed
        }
        return SampleAddOptions(title: title.flatMap { $0.isEmpty ? nil : $0 }, contentType: contentType,
                                aiAssisted: aiAssisted, splitChapters: splitChapters ?? false)
    }
}

/// Uploaded files on disk, outside the vault, under the names the client gave (so Kit picks the reader by
/// extension and titles by file name); removed when the request ends.
struct UploadStaging {
    let directory: URL
    let paths: [String]
    let names: [String]

    init(files: [(name: String, data: Data)]) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("voiceclone-upload-\(LaunchToken.random().prefix(12))", isDirectory: true)
        var paths: [String] = [], names: [String] = []
        do {
            for (i, file) in files.enumerated() {
                let name = Self.safeName(file.name)
                // One folder per file keeps each file's own name even when two are called the same.
                let folder = directory.appendingPathComponent(String(i + 1), isDirectory: true)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
                let url = folder.appendingPathComponent(name)
                try file.data.write(to: url, options: .withoutOverwriting)
                paths.append(url.path)
                names.append(name)
            }
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw Problem(status: .internalServerError, detail: "The upload could not be staged in the temporary folder.")
        }
        self.paths = paths
        self.names = names
    }

    /// The last path component, with anything but letters, digits, `.`, `-`, `_` and spaces replaced.
    static func safeName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || "._- ".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
        }).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return cleaned.isEmpty ? "upload" : String(cleaned.suffix(120))
    }

    /// Results naming the uploaded files as the client did, not by their temporary paths.
    func presented(_ results: [SampleAddResult]) -> [SampleAddResult] {
        results.map { result in
            var result = result
            for (path, name) in zip(paths, names) {
                result.input = result.input.replacingOccurrences(of: path, with: name)
                result.reason = result.reason?.replacingOccurrences(of: path, with: name)
                result.warnings = result.warnings.map { $0.replacingOccurrences(of: path, with: name) }
            }
            return result
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
