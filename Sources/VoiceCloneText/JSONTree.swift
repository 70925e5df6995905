import Foundation

/// A JSON document as a tree: what ``JSONTree`` builds from any `Encodable`, so the writer that prints it (the
/// DNA's canonical bytes, the CLI's `--json`) decides every byte, and a DNA diff can compare values by key.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The same tree as Foundation objects, for `JSONSerialization`.
    /// - Throws: `EncodingError.invalidValue` for a number that is not finite, which JSON cannot hold.
    public func foundationObject() throws -> Any {
        switch self {
        case .null: return NSNull()
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value):
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not a finite number"))
            }
            return value
        case .string(let value): return value
        case .array(let items): return try items.map { try $0.foundationObject() }
        case .object(let fields): return try fields.mapValues { try $0.foundationObject() }
        }
    }
}

/// The one `Encoder` that turns Voice Clone's types into a ``JSONValue`` tree, keys in snake_case.
///
/// Swift's synthesized `Encodable` leaves a nil optional out (`encodeIfPresent`) and `JSONEncoder` has no switch
/// for that; `--json` promises every documented key, so ``NilKeys/null`` writes `null` instead. The DNA keeps
/// the synthesized rule (``NilKeys/omitted``).
public enum JSONTree {
    /// What an absent optional becomes.
    public enum NilKeys: Sendable {
        /// Left out, as `JSONEncoder` does.
        case omitted
        /// Written as `null`: every key a command documents is always there.
        case null
    }

    public static func encode<T: Encodable>(_ value: T, nilKeys: NilKeys = .omitted) throws -> JSONValue {
        let node = Node()
        try fill(node, value, path: [], nilKeys: nilKeys)
        return node.value
    }

    /// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`, word for word: `dnaVersion` -> `dna_version`,
    /// `myURLValue` -> `my_url_value`; keys that are already snake_case stay as they are.
    public static func snakeCase(_ key: String) -> String {
        guard !key.isEmpty else { return key }
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex
        var searchRange = key.index(after: wordStart)..<key.endIndex
        while let upper = key.rangeOfCharacter(from: .uppercaseLetters, options: [], range: searchRange) {
            words.append(wordStart..<upper.lowerBound)
            searchRange = upper.lowerBound..<searchRange.upperBound
            guard let lower = key.rangeOfCharacter(from: .lowercaseLetters, options: [], range: searchRange) else {
                wordStart = searchRange.lowerBound
                break
            }
            if lower.lowerBound == key.index(after: upper.lowerBound) {
                wordStart = upper.lowerBound
            } else {
                let beforeLower = key.index(before: lower.lowerBound)
                words.append(upper.lowerBound..<beforeLower)
                wordStart = beforeLower
            }
            searchRange = lower.upperBound..<searchRange.upperBound
        }
        words.append(wordStart..<searchRange.upperBound)
        return words.map { key[$0].lowercased() }.joined(separator: "_")
    }

    fileprivate static func fill<T: Encodable>(_ node: Node, _ value: T, path: [any CodingKey], nilKeys: NilKeys) throws {
        switch value {
        case let v as String: node.scalar = .string(v)
        case let v as Bool: node.scalar = .bool(v)
        case let v as Int: node.scalar = .int(Int64(v))
        case let v as Int64: node.scalar = .int(v)
        case let v as Int32: node.scalar = .int(Int64(v))
        case let v as Int16: node.scalar = .int(Int64(v))
        case let v as Int8: node.scalar = .int(Int64(v))
        case let v as UInt: node.scalar = Int64(exactly: v).map(JSONValue.int) ?? .double(Double(v))
        case let v as UInt64: node.scalar = Int64(exactly: v).map(JSONValue.int) ?? .double(Double(v))
        case let v as UInt32: node.scalar = .int(Int64(v))
        case let v as UInt16: node.scalar = .int(Int64(v))
        case let v as UInt8: node.scalar = .int(Int64(v))
        case let v as Double: node.scalar = .double(v)
        case let v as Float: node.scalar = .double(Double(v))
        case let v as URL: node.scalar = .string(v.absoluteString)
        case let v as Data: node.scalar = .string(v.base64EncodedString())
        default: try value.encode(to: TreeBuilder(node: node, codingPath: path, nilKeys: nilKeys))
        }
    }
}

/// A mutable tree node, so nested containers can be filled after they are handed out.
private final class Node {
    var scalar: JSONValue = .null
    var object: [String: Node]?
    var array: [Node]?

    func makeObject() { if object == nil { object = [:]; array = nil } }
    func makeArray() { if array == nil { array = []; object = nil } }

    var value: JSONValue {
        if let object { return .object(object.mapValues(\.value)) }
        if let array { return .array(array.map(\.value)) }
        return scalar
    }
}

private struct TreeBuilder: Encoder {
    let node: Node
    var codingPath: [any CodingKey]
    let nilKeys: JSONTree.NilKeys
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(Fields<Key>(node: node, codingPath: codingPath, nilKeys: nilKeys))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return Items(node: node, codingPath: codingPath, nilKeys: nilKeys)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(node: node, codingPath: codingPath, nilKeys: nilKeys)
    }
}

private struct Fields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]
    let nilKeys: JSONTree.NilKeys

    private func child(_ key: Key) -> Node {
        let child = Node()
        node.object?[JSONTree.snakeCase(key.stringValue)] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONTree.fill(child(key), value, path: codingPath + [key], nilKeys: nilKeys)
    }
    // Every encodeIfPresent overload routes here, so NilKeys decides whether an absent value keeps its key.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try optional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try optional(value, key) }

    private mutating func optional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { return try encode(value, forKey: key) }
        if nilKeys == .null { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = child(key)
        nested.makeObject()
        return KeyedEncodingContainer(Fields<NestedKey>(node: nested, codingPath: codingPath + [key], nilKeys: nilKeys))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = child(key)
        nested.makeArray()
        return Items(node: nested, codingPath: codingPath + [key], nilKeys: nilKeys)
    }
    mutating func superEncoder() -> any Encoder { TreeBuilder(node: node, codingPath: codingPath, nilKeys: nilKeys) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeBuilder(node: child(key), codingPath: codingPath + [key], nilKeys: nilKeys)
    }
}

private struct Items: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    let nilKeys: JSONTree.NilKeys
    var count: Int { node.array?.count ?? 0 }

    private func next() -> Node {
        let item = Node()
        node.array?.append(item)
        return item
    }

    mutating func encodeNil() throws { next().scalar = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTree.fill(next(), value, path: codingPath, nilKeys: nilKeys)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let item = next()
        item.makeObject()
        return KeyedEncodingContainer(Fields<NestedKey>(node: item, codingPath: codingPath, nilKeys: nilKeys))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let item = next()
        item.makeArray()
        return Items(node: item, codingPath: codingPath, nilKeys: nilKeys)
    }
    mutating func superEncoder() -> any Encoder { TreeBuilder(node: next(), codingPath: codingPath, nilKeys: nilKeys) }
}

private struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    let nilKeys: JSONTree.NilKeys

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try JSONTree.fill(node, value, path: codingPath, nilKeys: nilKeys)
    }
}
