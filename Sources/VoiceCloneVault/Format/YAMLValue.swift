import Foundation
import Yams

/// Small conversions between Yams nodes and the typed values the vault stores, so the rest of the
/// layer reads `fields.string("title")` instead of walking nodes.
extension Array where Element == (key: String, value: Yams.Node) {
    func node(_ key: String) -> Yams.Node? { first(where: { $0.key == key })?.value }

    func string(_ key: String) -> String? {
        guard let node = node(key), let scalar = node.scalar else { return nil }
        let value = YAMLText.trimmingSpaces(scalar.string)
        return value.isEmpty || value == "~" || value == "null" ? nil : value
    }

    func bool(_ key: String) -> Bool? {
        guard let raw = string(key)?.lowercased() else { return nil }
        switch raw {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: return nil
        }
    }

    func strings(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        if let seq = node.sequence { return seq.compactMap { $0.scalar?.string }.filter { !$0.isEmpty } }
        if let one = node.scalar?.string, !one.isEmpty {
            // Obsidian users sometimes write `tags: a, b`; accept it.
            return one.split(separator: ",").map { YAMLText.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
        }
        return []
    }

    func double(_ key: String) -> Double? { string(key).flatMap(Double.init) }

    mutating func set(_ key: String, _ value: Yams.Node?) {
        if let index = firstIndex(where: { $0.key == key }) {
            if let value { self[index].value = value } else { remove(at: index) }
        } else if let value {
            append((key, value))
        }
    }
}

extension Yams.Node {
    static func text(_ s: String) -> Yams.Node { Yams.Node(s) }
    static func flag(_ b: Bool) -> Yams.Node { Yams.Node(b ? "true" : "false", Tag(.bool)) }
    static func number(_ d: Double) -> Yams.Node { Yams.Node(String(d), Tag(.float)) }
    static func list(_ items: [String]) -> Yams.Node {
        .sequence(Yams.Node.Sequence(items.map { Yams.Node($0) }, Tag(.seq), .block))
    }
    /// Dates are written as plain ISO dates (2026-11-24), which Obsidian shows as a Date property.
    static func date(_ s: String) -> Yams.Node { Yams.Node(s, Tag(.str), .plain) }
}

// Yams.Node is a plain value tree (enums, arrays, strings) with no shared mutable state; Yams simply
// has not declared it Sendable yet.
extension Yams.Node: @retroactive @unchecked Sendable {}

/// Front matter text tests without Foundation's `CharacterSet`, which on Linux copies each string through NSString:
/// the scanner runs them on every field of every sample, where they cost more than the YAML parse of the field.
enum YAMLText {
    /// `trimmingCharacters(in: .whitespaces)`: the characters `isSpace` names, off both ends.
    static func trimmingSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`: Unicode's White_Space, plus the zero-width
    /// space Foundation counts too.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" }
    }

    /// Foundation's `.whitespaces`: tab, the space separators (Zs) and the zero-width space U+200B.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }
}
