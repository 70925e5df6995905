/// A JSON document built in a fixed key order with fixed number formatting.
///
/// Request bodies are shown to the user by `--dry-run` and asserted by tests, so they must come out the
/// same, byte for byte, every time: `JSONSerialization` neither keeps key order nor prints `0.7` as `0.7`.
public indirect enum JSONBody: Sendable, Equatable {
    case object([(String, JSONBody)])
    case array([JSONBody])
    case string(String)
    /// A number already formatted as JSON text (see `number(_:)` and `integer(_:)`).
    case number(String)
    case bool(Bool)
    case null

    /// A floating-point value with at most three decimals, trailing zeros trimmed (`0.7`, `1`).
    public static func number(_ value: Double) -> JSONBody {
        guard value.isFinite else { return .null }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return .number(text)
    }

    public static func integer<T: BinaryInteger>(_ value: T) -> JSONBody { .number(String(value)) }

    /// Compact text, or indented by two spaces for people to read.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (index, field) in fields.enumerated() {
                out += pad
                JSONBody.escape(field.0, into: &out)
                out += pretty ? ": " : ":"
                field.1.write(into: &out, pretty: pretty, indent: indent + 1)
                if index < fields.count - 1 { out += "," }
                out += newline
            }
            out += closePad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, pretty: pretty, indent: indent + 1)
                if index < items.count - 1 { out += "," }
                out += newline
            }
            out += closePad + "]"
        case .string(let text): JSONBody.escape(text, into: &out)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func escape(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    public static func == (lhs: JSONBody, rhs: JSONBody) -> Bool {
        lhs.serialized() == rhs.serialized()
    }
}
