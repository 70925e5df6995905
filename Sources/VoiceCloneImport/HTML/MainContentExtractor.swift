/// Finds the article in a web page the way reader modes do, and strips the page furniture around it.
///
/// 1. Prune what is never the writer's prose: scripts, navigation, headers and footers of the page,
///    asides, forms, hidden elements, and blocks whose class or id says cookie banner, share bar,
///    newsletter box, comments, related posts and the like.
/// 2. Pick the root: the largest `<article>`, else `<main>`/`[role=main]`, unless the densest block of
///    paragraphs (scored as Readability does) holds clearly more text.
/// 3. Inside it, drop short link lists (tag clouds, "read next").
struct MainContentExtractor {
    private static let prunedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "aside", "form", "button", "input", "select",
        "textarea", "iframe", "svg", "canvas", "object", "embed", "dialog", "menu", "figure", "video", "audio",
    ]
    private static let prunedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "alert", "search", "menu", "menubar",
    ]
    /// Class/id words that mark furniture wherever they appear.
    private static let strongNegative = [
        "cookie", "consent", "gdpr", "share", "sharing", "social", "newsletter", "subscribe", "signup", "sign-up",
        "comment", "disqus", "related", "recommend", "promo", "advert", "sponsor", "popup", "modal", "banner",
        "breadcrumb", "sidebar", "widget", "byline", "author-bio", "skip-link", "paywall", "outbrain", "taboola",
        "tags", "tag-list", "tagcloud", "post-categories", "read-next", "more-stories",
    ]
    /// Words that mark furniture only when nothing in the same class/id says "content".
    private static let weakNegative: Set<String> = ["nav", "navbar", "menu", "header", "footer", "masthead", "meta", "ad", "ads", "pager", "pagination", "toolbar", "extra"]
    private static let positive = ["article", "content", "entry", "main", "post", "story", "body", "text", "prose"]

    struct Result {
        var root: MarkupElement
        var title: String?
    }

    func extract(from document: MarkupElement) -> MarkupElement {
        let body = document.first(named: "body") ?? document
        let pruned = prune(body, insideArticle: false) ?? MarkupElement(name: "body")
        let articles = pruned.all(named: "article") + (pruned.name == "article" ? [pruned] : [])
        let mains = pruned.all(named: "main") + collect(pruned) { $0.attributes["role"]?.lowercased() == "main" }
        let semantic = (articles.isEmpty ? mains : articles).max { paragraphTextLength($0) < paragraphTextLength($1) }
        let scored = densestBlock(pruned)
        var root = pruned
        if let semantic, paragraphTextLength(semantic) > 0 {
            root = semantic
            if let scored, paragraphTextLength(scored) > 2 * paragraphTextLength(semantic) { root = scored }
        } else if let scored {
            root = scored
        }
        return dropLinkLists(root)
    }

    // MARK: Pruning

    private func prune(_ element: MarkupElement, insideArticle: Bool) -> MarkupElement? {
        if isFurniture(element, insideArticle: insideArticle) { return nil }
        var copy = element
        let inArticle = insideArticle || element.name == "article" || element.name == "main"
        copy.children = element.children.compactMap { child in
            switch child {
            case .text: return child
            case .element(let inner): return prune(inner, insideArticle: inArticle).map(MarkupNode.element)
            }
        }
        return copy
    }

    private func isFurniture(_ element: MarkupElement, insideArticle: Bool) -> Bool {
        let name = element.name
        if ["html", "body", "article", "main"].contains(name) { return false }
        if Self.prunedTags.contains(name) { return true }
        // The page's own header and footer go; an article's header keeps its heading (bylines are pruned below).
        if (name == "header" || name == "footer") && !insideArticle { return true }
        if name == "footer" { return true }
        if element.attributes["hidden"] != nil || element.attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = element.attributes["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        if let role = element.attributes["role"]?.lowercased(), Self.prunedRoles.contains(role) { return true }
        let label = ((element.attributes["class"] ?? "") + " " + (element.attributes["id"] ?? "")).lowercased()
        guard !label.trimmed().isEmpty else { return false }
        if Self.strongNegative.contains(where: { label.contains($0) }) { return true }
        let words = Set(label.split { $0 == " " || $0 == "-" || $0 == "_" }.map(String.init))
        if !words.isDisjoint(with: Self.weakNegative), !Self.positive.contains(where: { label.contains($0) }) { return true }
        return false
    }

    // MARK: Choosing the root

    /// Readability-style scoring: each substantial paragraph scores its parent fully and its grandparent
    /// half; link-heavy candidates are discounted.
    private func densestBlock(_ root: MarkupElement) -> MarkupElement? {
        var best: (score: Double, element: MarkupElement)?
        func visit(_ element: MarkupElement) {
            var score = 0.0
            for child in element.elements {
                score += paragraphScore(child)
                for grandchild in child.elements { score += paragraphScore(grandchild) / 2 }
            }
            if score > 0 {
                score *= 1 - linkDensity(element)
                if best == nil || score > best!.score { best = (score, element) }
            }
            element.elements.forEach(visit)
        }
        visit(root)
        return best?.element
    }

    private func paragraphScore(_ element: MarkupElement) -> Double {
        guard ["p", "pre", "blockquote"].contains(element.name) else { return 0 }
        let text = element.textContent
        let length = text.count
        guard length >= 25 else { return 0 }
        return 1 + Double(text.filter { $0 == "," }.count) + min(Double(length) / 100, 3)
    }

    private func paragraphTextLength(_ element: MarkupElement) -> Int {
        element.all(named: "p").reduce(0) { $0 + $1.textContent.count }
    }

    private func linkDensity(_ element: MarkupElement) -> Double {
        let total = element.textContent.count
        guard total > 0 else { return 0 }
        let linked = element.all(named: "a").reduce(0) { $0 + $1.textContent.count }
        return Double(linked) / Double(total)
    }

    private func collect(_ element: MarkupElement, where matches: (MarkupElement) -> Bool) -> [MarkupElement] {
        var found: [MarkupElement] = []
        func visit(_ e: MarkupElement) {
            if matches(e) { found.append(e) }
            e.elements.forEach(visit)
        }
        visit(element)
        return found
    }

    // MARK: Cleaning inside the root

    /// Removes short blocks that are mostly links: tag lists, "read next" boxes, author link rows.
    private func dropLinkLists(_ element: MarkupElement) -> MarkupElement {
        var copy = element
        copy.children = element.children.compactMap { child in
            guard case .element(let inner) = child else { return child }
            if ["ul", "ol", "div", "p", "section", "span"].contains(inner.name) {
                let text = MarkdownText.collapseWhitespace(inner.textContent).trimmed()
                if !text.isEmpty, text.count < 300, linkDensity(inner) > 0.5 { return nil }
            }
            return .element(dropLinkLists(inner))
        }
        return copy
    }
}
