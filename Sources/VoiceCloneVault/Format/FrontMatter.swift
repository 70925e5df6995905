import Foundation
import VoiceCloneText
import Yams

/// A Markdown document split into its YAML front matter and body.
///
/// Front matter is parsed by Yams. Keys the tool does not know are kept, in order, so a user's
/// own Obsidian properties survive every rewrite.
public struct FrontMatterDocument: Sendable {
    /// Ordered key/value pairs as YAML nodes; `nil` when the file had no front matter block.
    public var fields: [(key: String, value: Yams.Node)]?
    public var body: String
    /// 1-based line where the body starts in the original file (for diagnostics).
    public var bodyStartLine: Int

    public init(fields: [(key: String, value: Yams.Node)]?, body: String, bodyStartLine: Int = 1) {
        self.fields = fields
        self.body = body
        self.bodyStartLine = bodyStartLine
    }

    public var hasFrontMatter: Bool { fields != nil }

    public subscript(key: String) -> Yams.Node? {
        fields?.first(where: { $0.key == key })?.value
    }
}

/// Why a front matter block could not be read. `line` is 1-based within the whole file.
public struct FrontMatterError: Error, Equatable, Sendable {
    public var line: Int?
    public var reason: String
}

public enum FrontMatter {
    /// Splits `text` at a leading `---` block. A block that never closes, or YAML that does not
    /// parse into a mapping, is an error: the caller reports it instead of guessing.
    public static func parse(_ text: String) throws(FrontMatterError) -> FrontMatterDocument {
        let block = FrontMatterBlock(text)
        if block.isUnclosed {
            throw FrontMatterError(line: 1, reason: "front matter starts with --- on line 1 but is never closed by a --- line")
        }
        guard let yamlText = block.yaml else {
            return FrontMatterDocument(fields: nil, body: block.text, bodyStartLine: 1)
        }
        let yaml = String(yamlText)
        var fields: [(key: String, value: Yams.Node)] = []
        if !YAMLText.isBlank(yaml) {
            let node: Yams.Node?
            do {
                // The basic resolver keeps every scalar a string (no regex-based typing of each value):
                // the vault's readers convert the few typed values themselves, and it is several times faster.
                // The encoding is named because Yams's default reads the whole process environment on every
                // call (for YAMS_DEFAULT_ENCODING): a quarter of a 10,000-sample scan. Swift strings are UTF-8.
                node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
            } catch let error as YamlError {
                throw FrontMatterError(line: yamlErrorLine(error).map { $0 + 1 }, reason: "front matter is not valid YAML (\(yamlErrorSummary(error)))")
            } catch {
                throw FrontMatterError(line: 2, reason: "front matter is not valid YAML (\(error))")
            }
            if let node, let problem = YAMLLimits.violation(in: node) {
                throw FrontMatterError(line: 2, reason: "front matter is refused: \(problem)")
            }
            guard let mapping = node?.mapping else {
                throw FrontMatterError(line: 2, reason: "front matter must be a list of `key: value` properties")
            }
            for (k, v) in mapping {
                guard let key = k.string else { continue }
                fields.append((key, v))
            }
        }
        var body = String(block.body)
        // One blank line after the closing fence is formatting, not content.
        if body.hasPrefix("\r\n") { body.removeFirst(2) } else if body.hasPrefix("\n") { body.removeFirst() }
        return FrontMatterDocument(fields: fields, body: body, bodyStartLine: block.bodyStartLine)
    }

    /// Renders fields and body back into a Markdown file with a front matter block.
    /// Values are emitted by Yams so quoting is always valid YAML.
    public static func render(fields: [(key: String, value: Yams.Node)], body: String) -> String {
        var out = "---\n"
        for (key, value) in fields {
            let mapping = Yams.Node.mapping(Yams.Node.Mapping([(Yams.Node(key), value)]))
            if let line = try? Yams.serialize(node: mapping, width: -1, allowUnicode: true) {
                out += line
            }
        }
        out += "---\n"
        if !body.isEmpty {
            out += "\n" + (body.hasSuffix("\n") ? body : body + "\n")
        }
        return out
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func yamlErrorSummary(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}
