/// Where a Markdown text's leading `---` block is: the one splitter every reader uses (the vault's YAML reader,
/// the text importer). A UTF-8 byte-order mark is skipped; the block opens with a first line of exactly `---`
/// and closes at the next `---` or `...` line (CRLF line ends accepted). It knows nothing of YAML.
public struct FrontMatterBlock: Sendable {
    /// The text without a leading byte-order mark: every range below is in it.
    public var text: String
    /// The lines between the fences; `nil` when the text has no front matter.
    public var yaml: Substring?
    /// Everything after the closing fence (the whole text when there is no front matter).
    public var body: Substring
    /// 1-based line of `text` where the body starts.
    public var bodyStartLine: Int
    /// The text opens a block that no `---` or `...` line closes.
    public var isUnclosed: Bool

    public init(_ original: String) {
        let text = original.hasPrefix("\u{FEFF}") ? String(original.dropFirst()) : original
        self.text = text
        self.yaml = nil
        self.body = text[...]
        self.bodyStartLine = 1
        self.isUnclosed = false
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") || text == "---" else { return }
        // Walk line by line only until the closing fence: the body can be megabytes long.
        let utf8 = text.utf8
        var cursor = utf8.firstIndex(of: UInt8(ascii: "\n")).map { utf8.index(after: $0) } ?? utf8.endIndex
        let yamlStart = cursor
        var lineNumber = 2
        while cursor < utf8.endIndex {
            let lineEnd = utf8[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var line = text[cursor..<lineEnd]
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line == "---" || line == "..." {
                yaml = text[yamlStart..<cursor]
                body = text[(lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd)...]
                bodyStartLine = lineNumber + 1
                return
            }
            cursor = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            lineNumber += 1
        }
        isUnclosed = true
    }
}
