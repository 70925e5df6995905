import Foundation
import Hummingbird

/// The stylesheet and script modules, resources of this module, served under names that carry a hash of their
/// content (`/assets/app.3f2a….css`): a browser may keep them for a year, and a new build gets new names.
enum StaticAssets {
    struct Asset: Sendable {
        var name: String
        var hashedName: String
        var contentType: String
        var data: Data
    }

    static let all: [String: Asset] = {
        var assets: [String: Asset] = [:]
        guard let folder = Bundle.module.url(forResource: "assets", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        for name in names.sorted() {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            let ext = (name as NSString).pathExtension, stem = (name as NSString).deletingPathExtension
            let type = ext == "css" ? "text/css; charset=utf-8" : ext == "js" ? "text/javascript; charset=utf-8" : "application/octet-stream"
            assets[name] = Asset(name: name, hashedName: "\(stem).\(contentHash(data)).\(ext)", contentType: type, data: data)
        }
        return assets
    }()

    /// The address of an asset by its plain name (`app.css`).
    static func url(_ name: String) -> String {
        all[name].map { "/assets/\($0.hashedName)" } ?? "/assets/\(name)"
    }

    /// FNV-1a over the bytes, 64 bits as hex: enough to tell two builds' files apart.
    static func contentHash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    static func add(to router: APIRouter) {
        router.get("/assets/:file") { _, context in
            let file = try context.path("file")
            guard let asset = all.values.first(where: { $0.hashedName == file }) else {
                throw Problem.notFound("No asset \(file) in this build; reload the page for current addresses.")
            }
            var fields = HTTPFields()
            fields[.contentType] = asset.contentType
            HTMLPage.apply(to: &fields)
            fields[.cacheControl] = "private, max-age=31536000, immutable"
            fields[.eTag] = "\"\(asset.hashedName)\""
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: asset.data)))
        }
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
