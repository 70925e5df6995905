import Foundation

/// The parts of an EPUB's package document (OPF) import needs: metadata and the spine's reading order.
struct EPUBPackage {
    struct Item {
        var href: String
        var mediaType: String
        var properties: String
    }

    var title: String?
    var author: String?
    var date: String?
    /// Archive paths of the spine's content documents, in reading order (non-linear items left out).
    var spine: [String]

    init(archive: ArchiveReader) throws {
        let path = archive.path
        guard archive.contains("META-INF/container.xml") else {
            throw ImportError.notEPUB(path, reason: "META-INF/container.xml is missing")
        }
        let container = try archive.xml("META-INF/container.xml")
        guard let opfPath = container.first(named: "rootfile")?.attributes["full-path"], !opfPath.isEmpty else {
            throw ImportError.notEPUB(path, reason: "container.xml names no package document")
        }
        guard archive.contains(opfPath) else {
            throw ImportError.notEPUB(path, reason: "the package document \(opfPath) is missing")
        }
        let opf = try archive.xml(opfPath)
        let base = (opfPath as NSString).deletingLastPathComponent

        let metadata = opf.first(named: "metadata")
        title = metadata?.first(named: "title").map { $0.textContent.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
        let creators = metadata?.all(named: "creator").map { $0.textContent.trimmed() }.filter { !$0.isEmpty } ?? []
        author = creators.isEmpty ? nil : creators.joined(separator: ", ")
        date = ISODate.normalize(metadata?.first(named: "date")?.textContent)

        var items: [String: Item] = [:]
        for item in opf.first(named: "manifest")?.elements(named: "item") ?? [] {
            guard let id = item.attributes["id"], let href = item.attributes["href"] else { continue }
            items[id] = Item(href: href, mediaType: item.attributes["media-type"] ?? "", properties: item.attributes["properties"] ?? "")
        }
        guard let spineElement = opf.first(named: "spine") else { throw ImportError.epubWithoutSpine(path) }
        let references = spineElement.elements(named: "itemref")
        guard !references.isEmpty else { throw ImportError.epubWithoutSpine(path) }
        spine = references.compactMap { reference -> String? in
            guard reference.attributes["linear"] != "no", let id = reference.attributes["idref"], let item = items[id] else { return nil }
            guard item.mediaType.contains("html") || item.mediaType.isEmpty else { return nil }
            return Self.resolve(item.href, base: base)
        }
        if spine.isEmpty { throw ImportError.epubWithoutSpine(path) }
    }

    /// `Text/ch1.xhtml#top` relative to `OEBPS` → `OEBPS/Text/ch1.xhtml`, percent escapes decoded, `..` resolved.
    static func resolve(_ href: String, base: String) -> String {
        let withoutFragment = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? href
        let decoded = withoutFragment.removingPercentEncoding ?? withoutFragment
        var parts = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
        for component in decoded.split(separator: "/") {
            if component == ".." { if !parts.isEmpty { parts.removeLast() } }
            else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }
}
