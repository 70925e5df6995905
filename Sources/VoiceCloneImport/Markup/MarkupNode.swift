/// A parsed XML or HTML document as plain Swift values, so no libxml2 pointer outlives the parse.
///
/// Comments and processing instructions are dropped at parse time: they are never the writer's words.
public indirect enum MarkupNode: Sendable {
    case element(MarkupElement)
    case text(String)
}

/// An element with its local name (lowercased for HTML), namespace prefix, attributes and children.
public struct MarkupElement: Sendable {
    public var name: String
    public var prefix: String?
    public var attributes: [String: String]
    public var children: [MarkupNode]

    public init(name: String, prefix: String? = nil, attributes: [String: String] = [:], children: [MarkupNode] = []) {
        self.name = name
        self.prefix = prefix
        self.attributes = attributes
        self.children = children
    }

    public subscript(attribute name: String) -> String? { attributes[name] }

    /// Direct child elements.
    public var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Direct child elements with this local name.
    public func elements(named name: String) -> [MarkupElement] { elements.filter { $0.name == name } }

    /// The first descendant (depth first, self excluded) with this local name.
    public func first(named name: String) -> MarkupElement? {
        for child in elements {
            if child.name == name { return child }
            if let found = child.first(named: name) { return found }
        }
        return nil
    }

    /// Every descendant with this local name, in document order.
    public func all(named name: String) -> [MarkupElement] {
        var found: [MarkupElement] = []
        collect(named: name, into: &found)
        return found
    }

    private func collect(named name: String, into found: inout [MarkupElement]) {
        for child in elements {
            if child.name == name { found.append(child) }
            child.collect(named: name, into: &found)
        }
    }

    /// All text below this element, concatenated as is.
    public var textContent: String {
        var output = ""
        appendText(to: &output)
        return output
    }

    private func appendText(to output: inout String) {
        for child in children {
            switch child {
            case .text(let text): output += text
            case .element(let element): element.appendText(to: &output)
            }
        }
    }
}
