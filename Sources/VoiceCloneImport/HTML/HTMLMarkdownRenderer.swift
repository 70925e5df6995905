/// Renders an HTML element tree as Markdown: headings, paragraphs, list items, quotes, emphasis.
///
/// Only the writer's prose is wanted, so tables, figures, forms, media and scripts are skipped, and
/// links keep their text but not their addresses.
struct HTMLMarkdownRenderer {
    private static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "iframe", "svg", "canvas",
        "object", "embed", "video", "audio", "img", "picture", "figure", "table", "form", "button", "input",
        "select", "textarea", "nav", "math",
    ]
    private static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "body", "html",
        "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd",
        "address", "details", "summary", "center", "hgroup",
    ]

    private var output: [String] = []
    private var line = ""
    private var prefixes: [String] = []

    static func markdown(for element: MarkupElement) -> String {
        var renderer = HTMLMarkdownRenderer()
        renderer.render(element)
        renderer.flush()
        return MarkdownText.join(renderer.output)
    }

    private mutating func render(_ element: MarkupElement) {
        let name = element.name
        if Self.skipped.contains(name) { return }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            let level = Int(String(name.dropFirst())) ?? 1
            let text = MarkdownText.collapseWhitespace(element.textContent).trimmed()
            if !text.isEmpty { output.append(String(repeating: "#", count: level) + " " + text) }
        case "li":
            flush()
            prefixes.append("- ")
            renderChildren(element)
            flush()
            prefixes.removeLast()
        case "blockquote":
            flush()
            let inner = Self.markdown(for: MarkupElement(name: "div", children: element.children))
            let quoted = inner.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
            if !inner.isEmpty { output.append(quoted.trimmed()) }
        case "pre":
            flush()
            let text = element.textContent.trimmingTrailingWhitespace()
            if !text.trimmed().isEmpty { output.append(text) }
        case "br":
            line += "\n"
        case "hr":
            flush()
        case "em", "i", "cite", "dfn":
            inline(element, marker: "*")
        case "strong", "b":
            inline(element, marker: "**")
        default:
            if Self.blocks.contains(name) {
                flush()
                renderChildren(element)
                flush()
            } else {
                renderChildren(element)
            }
        }
    }

    private mutating func renderChildren(_ element: MarkupElement) {
        for child in element.children {
            switch child {
            case .text(let text): line += MarkdownText.collapseWhitespace(text)
            case .element(let inner): render(inner)
            }
        }
    }

    /// Emphasis around inline content; whitespace moves outside the markers so Markdown reads it as emphasis.
    private mutating func inline(_ element: MarkupElement, marker: String) {
        if element.all(named: "p").isEmpty == false || element.all(named: "div").isEmpty == false {
            renderChildren(element)
            return
        }
        var inner = HTMLMarkdownRenderer()
        inner.renderChildren(element)
        let text = inner.line
        let core = text.trimmed()
        guard !core.isEmpty else {
            line += text.isEmpty ? "" : " "
            return
        }
        if text.first?.isWhitespace == true { line += " " }
        line += marker + core.replacingOccurrences(of: "\n", with: " ") + marker
        if text.last?.isWhitespace == true { line += " " }
    }

    private mutating func flush() {
        let lines = line.split(separator: "\n").map { String($0).trimmed() }.filter { !$0.isEmpty }
        line = ""
        guard !lines.isEmpty else { return }
        let prefix = prefixes.last ?? ""
        let indent = String(repeating: "  ", count: max(0, prefixes.count - 1))
        output.append(indent + prefix + lines.joined(separator: "\n"))
    }
}
