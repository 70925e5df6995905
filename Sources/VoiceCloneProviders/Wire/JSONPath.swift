import Foundation

/// Reads values out of a decoded JSON response without a Codable model per provider and per event.
///
/// Provider responses carry many fields we ignore and change shape across versions and servers; reading
/// only the few paths we need, and reporting which one was missing, is sturdier than strict decoding.
struct JSONPath {
    let root: Any?

    /// Parses `data`; `nil` root when it is not JSON.
    init(data: Data) {
        root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    init(text: String) { self.init(data: Data(text.utf8)) }

    init(value: Any?) { root = value }

    var isObject: Bool { root is [String: Any] }

    subscript(key: String) -> JSONPath { JSONPath(value: (root as? [String: Any])?[key]) }
    subscript(index: Int) -> JSONPath {
        guard let array = root as? [Any], array.indices.contains(index) else { return JSONPath(value: nil) }
        return JSONPath(value: array[index])
    }

    var string: String? { root as? String }
    var array: [JSONPath]? { (root as? [Any]).map { $0.map { JSONPath(value: $0) } } }
    var exists: Bool { root != nil && !(root is NSNull) }
}
