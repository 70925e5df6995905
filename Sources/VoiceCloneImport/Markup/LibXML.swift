internal import CXML2
import Foundation

/// The only file that touches libxml2: parses XML or HTML bytes into `MarkupNode` values.
enum LibXML {
    enum Failure: Error {
        case notWellFormed(String)
        case tooDeep(limit: Int)
        case entityDeclarations
    }

    /// Deepest element nesting accepted. Real documents stay far below it; a hostile one nesting tens of
    /// thousands of elements is refused here instead of overflowing the stack in every recursive walk after.
    static let maxDepth = 256

    /// Parses a well-formed XML document (OOXML parts, OPF, XHTML). Network access is off, entities are never
    /// substituted (no NOENT) and libxml2's own amplification and depth limits stay on (no HUGE); a document
    /// that declares entities at all is refused before parsing, as no DOCX or EPUB part needs one.
    static func parseXML(_ data: Data) throws -> MarkupElement {
        if declaresEntities(data) { throw Failure.entityDeclarations }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), "document.xml", nil, options)
        }
        guard let document else {
            let message = xmlGetLastError().flatMap { $0.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } }
            if let message, message.contains("Excessive depth") { throw Failure.tooDeep(limit: maxDepth) }
            throw Failure.notWellFormed(message ?? "not well-formed XML")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), case .element(let element)? = try convert(root, lowercase: false, depth: 1) else {
            throw Failure.notWellFormed("the document has no root element")
        }
        return element
    }

    /// True when the bytes contain `<!ENTITY`: cheap, and found before libxml2 sees a byte.
    static func declaresEntities(_ data: Data) -> Bool {
        let needle = Array("<!ENTITY".utf8)
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= needle.count, let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset <= bytes.count - needle.count {
                guard let found = memchr(base + offset, 0x3C, bytes.count - offset - needle.count + 1) else { return false }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// `parseHTML` with its one failure (nesting past `maxDepth`) as an `ImportError` naming the file.
    static func parseHTML(_ data: Data, source: String, part: String) throws -> MarkupElement {
        do {
            return try parseHTML(data)
        } catch {
            throw ImportError.documentTooDeep(source, part: part, limit: maxDepth)
        }
    }

    /// Parses HTML forgivingly (as browsers do). `data` must already be UTF-8: the caller has decoded the
    /// page's own charset, so the parser is told to ignore `<meta charset>` hints.
    static func parseHTML(_ data: Data) throws -> MarkupElement {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        var bytes = data
        if bytes.isEmpty { bytes = Data("<html></html>".utf8) }
        let document = bytes.withUnsafeBytes { raw -> htmlDocPtr? in
            htmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), "page.html", "UTF-8", options)
        }
        guard let document else { return MarkupElement(name: "html") }
        defer { xmlFreeDoc(document) }
        // NOIMPLIED keeps libxml2 from inventing <p> around stray text; gather every top-level node under one root.
        var children: [MarkupNode] = []
        var node = document.pointee.children
        while let current = node {
            if let converted = try convert(current, lowercase: true, depth: 1) { children.append(converted) }
            node = current.pointee.next
        }
        if children.count == 1, case .element(let only) = children[0], only.name == "html" { return only }
        return MarkupElement(name: "html", children: children)
    }

    /// Recursive, but `depth` bounds the recursion (and every later recursive walk of the result) at `maxDepth`.
    private static func convert(_ node: xmlNodePtr, lowercase: Bool, depth: Int) throws -> MarkupNode? {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return nil }
            return .text(String(cString: content))
        case XML_ELEMENT_NODE:
            if depth > maxDepth { throw Failure.tooDeep(limit: maxDepth) }
            var name = node.pointee.name.map { String(cString: $0) } ?? ""
            if lowercase { name = name.lowercased() }
            let prefix = node.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
            var attributes: [String: String] = [:]
            var attribute = node.pointee.properties
            while let current = attribute {
                if let rawName = current.pointee.name {
                    var key = String(cString: rawName)
                    if let nsPrefix = current.pointee.ns?.pointee.prefix { key = String(cString: nsPrefix) + ":" + key }
                    if lowercase { key = key.lowercased() }
                    if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                        attributes[key] = String(cString: value)
                        vc_xml_free(value)
                    } else {
                        attributes[key] = ""
                    }
                }
                attribute = current.pointee.next
            }
            var children: [MarkupNode] = []
            var child = node.pointee.children
            while let current = child {
                if let converted = try convert(current, lowercase: lowercase, depth: depth + 1) { children.append(converted) }
                child = current.pointee.next
            }
            return .element(MarkupElement(name: name, prefix: prefix, attributes: attributes, children: children))
        default:
            return nil
        }
    }
}
