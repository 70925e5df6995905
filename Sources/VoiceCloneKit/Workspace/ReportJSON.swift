import Foundation
import VoiceCloneText

/// The bytes of a `--json` report: snake_case keys whatever the Swift property names are, sorted, pretty-printed,
/// and every key present. A value that is unknown or does not apply is `null`, an empty list is `[]`; a key is
/// never left out because it is empty, so scripts can rely on the documented shape.
public enum ReportJSON {
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let tree = try JSONTree.encode(value, nilKeys: .null).foundationObject()
        return try JSONSerialization.data(
            withJSONObject: tree, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    }
}
