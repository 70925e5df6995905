import Foundation

/// The `--json` rule for empty values: every key a command documents is always there. A value that is unknown or
/// does not apply is `null`, an empty list is `[]`; a key is never left out because it is empty.
///
/// Swift's synthesized `Encodable` skips nil optionals (`encodeIfPresent`), and `JSONEncoder` has no switch for
/// that, so this encoder builds a Foundation tree in which `encodeIfPresent(nil)` writes `null`, and
/// `JSONSerialization` prints it with the same options `JSONEncoder` used (sorted keys, snake_case, no escaped slashes).
enum KeyKeepingJSON {
    static func data<T: Encodable>(_ value: T) throws -> Data {
        let root = Box()
        try Box.fill(root, value, path: [])
        return try JSONSerialization.data(withJSONObject: root.object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    }

    /// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`, word for word: `dnaVersion` -> `dna_version`,
    /// `myURLValue` -> `my_url_value`; keys that are already snake_case stay as they are.
    static func snakeCase(_ key: String) -> String {
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
}

/// A node of the tree being encoded; containers hand out children that are filled later.
private final class Box {
    var scalar: Any = NSNull()
    var fields: [String: Box]?
    var items: [Box]?

    var object: Any {
        if let fields { return fields.mapValues(\.object) }
        if let items { return items.map(\.object) }
        return scalar
    }

    func makeObject() { if fields == nil { fields = [:]; items = nil } }
    func makeArray() { if items == nil { items = []; fields = nil } }

    static func fill<T: Encodable>(_ box: Box, _ value: T, path: [any CodingKey]) throws {
        switch value {
        case let v as String: box.scalar = v
        case let v as Bool: box.scalar = v
        case let v as Int: box.scalar = v
        case let v as Int64: box.scalar = v
        case let v as UInt64: box.scalar = v
        case let v as UInt32: box.scalar = v
        case let v as Int32: box.scalar = v
        case let v as UInt: box.scalar = v
        case let v as Int8: box.scalar = Int(v)
        case let v as Int16: box.scalar = Int(v)
        case let v as UInt8: box.scalar = Int(v)
        case let v as UInt16: box.scalar = Int(v)
        case let v as Double:
            guard v.isFinite else { throw EncodingError.invalidValue(v, .init(codingPath: path, debugDescription: "not a finite number")) }
            box.scalar = v
        case let v as Float: box.scalar = Double(v)
        case let v as URL: box.scalar = v.absoluteString
        case let v as Data: box.scalar = v.base64EncodedString()
        default: try value.encode(to: TreeBuilder(box: box, codingPath: path))
        }
    }
}

private struct TreeBuilder: Encoder {
    let box: Box
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.makeObject()
        return KeyedEncodingContainer(Fields<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.makeArray()
        return Items(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
}

private struct Fields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: Box
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> Box {
        let child = Box()
        box.fields?[KeyKeepingJSON.snakeCase(key.stringValue)] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = NSNull() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try Box.fill(child(key), value, path: codingPath + [key])
    }
    // The point of this encoder: an absent optional is written as null instead of being left out.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, key) }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = child(key)
        nested.makeObject()
        return KeyedEncodingContainer(Fields<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = child(key)
        nested.makeArray()
        return Items(box: nested, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { TreeBuilder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeBuilder(box: child(key), codingPath: codingPath + [key]) }
}

private struct Items: UnkeyedEncodingContainer {
    let box: Box
    var codingPath: [any CodingKey]
    var count: Int { box.items?.count ?? 0 }

    private func next() -> Box {
        let item = Box()
        box.items?.append(item)
        return item
    }

    mutating func encodeNil() throws { next().scalar = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try Box.fill(next(), value, path: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let item = next()
        item.makeObject()
        return KeyedEncodingContainer(Fields<NestedKey>(box: item, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let item = next()
        item.makeArray()
        return Items(box: item, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { TreeBuilder(box: next(), codingPath: codingPath) }
}

private struct Single: SingleValueEncodingContainer {
    let box: Box
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.scalar = NSNull() }
    mutating func encode<T: Encodable>(_ value: T) throws { try Box.fill(box, value, path: codingPath) }
}
