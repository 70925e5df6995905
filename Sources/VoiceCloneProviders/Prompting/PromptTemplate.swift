import Foundation

/// A text with `{{name}}` placeholders. Rendering fails on a placeholder it was given no value for, so a
/// typo in a template shows up in tests instead of as literal braces sent to a model.
package struct PromptTemplate {
    package let text: String

    package func render(_ values: [String: String], name: String) throws -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                rest = ""
                break
            }
            let key = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            guard let value = values[key] else { throw PromptError.unfilledPlaceholder(template: name, name: key) }
            out += value
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }
}
