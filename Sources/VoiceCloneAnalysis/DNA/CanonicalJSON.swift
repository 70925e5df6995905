import Foundation
import VoiceCloneText

/// The one way Voice Clone writes JSON that people diff: keys in snake_case and sorted, numbers at a fixed
/// precision, two-space indentation and one value per line, so `git diff` between two DNA revisions reads value by
/// value. Arrays keep the order the model gives them (every list in the model is sorted deterministically).
public enum CanonicalJSON {
    /// Decimal places written for every non-integer number.
    public static let fractionDigits = 4

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let tree = try JSONTree.encode(value)
        var out = ""
        write(tree, indent: 0, into: &out)
        out.append("\n")
        return Data(out.utf8)
    }

    /// The canonical text of a number: fixed precision, no negative zero, no exponent.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "0.0000" }
        let scale = pow(10.0, Double(fractionDigits))
        var r = (d * scale).rounded(.toNearestOrAwayFromZero) / scale
        if r == 0 { r = 0 }
        return String(format: "%.\(fractionDigits)f", r)
    }

    private static func write(_ v: JSONValue, indent: Int, into out: inout String) {
        switch v {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .double(let d): out.append(format(d))
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (k, item) in a.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                write(item, indent: indent + 1, into: &out)
                out.append(k + 1 < a.count ? ",\n" : "\n")
            }
            out.append(String(repeating: "  ", count: indent))
            out.append("]")
        case .object(let o):
            if o.isEmpty { out.append("{}"); return }
            out.append("{\n")
            let keys = o.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (k, key) in keys.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                writeString(key, into: &out)
                out.append(": ")
                write(o[key]!, indent: indent + 1, into: &out)
                out.append(k + 1 < keys.count ? ",\n" : "\n")
            }
            out.append(String(repeating: "  ", count: indent))
            out.append("}")
        }
    }

    private static func writeString(_ s: String, into out: inout String) {
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if u.value < 0x20 {
                    out.append(String(format: "\\u%04x", u.value))
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append("\"")
    }
}
