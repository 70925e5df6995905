import Foundation

/// Title, author and published date from a page's `<title>`, Open Graph / article meta tags,
/// JSON-LD and microdata, in that order of trust.
struct HTMLMetadata {
    var title: String?
    var author: String?
    var published: String?

    init(document: MarkupElement, article: MarkupElement?) {
        var meta: [String: String] = [:]
        for tag in document.all(named: "meta") {
            guard let key = (tag.attributes["property"] ?? tag.attributes["name"] ?? tag.attributes["itemprop"])?.lowercased(),
                  let content = tag.attributes["content"]?.trimmed(), !content.isEmpty, meta[key] == nil else { continue }
            meta[key] = content
        }
        let jsonLD = Self.jsonLD(document)

        let pageTitle = document.first(named: "title").map { MarkdownText.collapseWhitespace($0.textContent).trimmed() }
        let heading = (article ?? document).first(named: "h1").map { MarkdownText.collapseWhitespace($0.textContent).trimmed() }
        title = [meta["og:title"], meta["twitter:title"], jsonLD.headline, heading, pageTitle.map { Self.stripSiteName($0, site: meta["og:site_name"]) }]
            .compactMap { $0 }.first { !$0.isEmpty }

        let authorCandidates: [String?] = [
            meta["author"], meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 }, meta["parsely-author"],
            meta["sailthru.author"], jsonLD.author, meta["byl"].map { $0.hasPrefix("By ") ? String($0.dropFirst(3)) : $0 },
            Self.microdataAuthor(document),
        ]
        author = authorCandidates.compactMap { $0?.trimmed() }.first { !$0.isEmpty }

        let dateCandidates: [String?] = [
            meta["article:published_time"], meta["datepublished"], jsonLD.datePublished, meta["date"], meta["dc.date"],
            meta["dcterms.created"], meta["pubdate"], (article ?? document).first(named: "time")?.attributes["datetime"],
        ]
        published = dateCandidates.lazy.compactMap { ISODate.normalize($0) }.first
    }

    /// "The Slow Repair | Maren's Workshop" → "The Slow Repair" when the suffix is the site's name.
    static func stripSiteName(_ title: String, site: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let suffix = String(title[range.upperBound...]).trimmed()
            if let site, suffix.lowercased() == site.lowercased() { return String(title[..<range.lowerBound]).trimmed() }
        }
        return title
    }

    private struct JSONLD {
        var headline: String?
        var author: String?
        var datePublished: String?
    }

    private static func jsonLD(_ document: MarkupElement) -> JSONLD {
        var result = JSONLD()
        let scripts = document.all(named: "script").filter { $0.attributes["type"]?.lowercased() == "application/ld+json" }
        for script in scripts {
            guard let data = script.textContent.data(using: .utf8),
                  let parsed = try? JSONSerialization.jsonObject(with: data) else { continue }
            var objects: [[String: Any]] = []
            if let object = parsed as? [String: Any] {
                objects = (object["@graph"] as? [[String: Any]]) ?? [object]
            } else if let array = parsed as? [[String: Any]] {
                objects = array
            }
            for object in objects {
                let type = "\(object["@type"] ?? "")"
                guard type.contains("Article") || type.contains("Posting") || type.contains("Report") else { continue }
                result.headline = result.headline ?? object["headline"] as? String
                result.datePublished = result.datePublished ?? object["datePublished"] as? String
                if result.author == nil {
                    let author = object["author"]
                    if let name = (author as? [String: Any])?["name"] as? String { result.author = name }
                    else if let list = author as? [[String: Any]] { result.author = list.compactMap { $0["name"] as? String }.joined(separator: ", ") }
                    else if let name = author as? String { result.author = name }
                }
            }
        }
        return result
    }

    private static func microdataAuthor(_ document: MarkupElement) -> String? {
        var found: String?
        func visit(_ element: MarkupElement) {
            guard found == nil else { return }
            if element.attributes["itemprop"] == "author" || element.attributes["rel"] == "author" {
                let text = MarkdownText.collapseWhitespace(element.textContent).trimmed()
                if !text.isEmpty, text.count < 80 { found = text; return }
            }
            element.elements.forEach(visit)
        }
        visit(document)
        return found
    }
}
