/// An `Encoder` that builds a `JSONValue` tree with snake_case keys, so `CanonicalJSON` controls every byte written.
final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] = [:]
    fileprivate let node: Node

    fileprivate init(node: Node, path: [any CodingKey]) {
        self.node = node
        codingPath = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }

    /// `fleschReadingEase` -> `flesch_reading_ease`.
    static func snakeCase(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase {
                if !out.isEmpty { out.append("_") }
                out.append(contentsOf: ch.lowercased())
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func encode<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> JSONValue {
        let node = Node()
        try fill(node, value, path)
        return node.value
    }

    fileprivate static func fill<T: Encodable>(_ node: Node, _ value: T, _ path: [any CodingKey]) throws {
        switch value {
        case let d as Double: node.scalar = .double(d)
        case let i as Int: node.scalar = .int(Int64(i))
        case let s as String: node.scalar = .string(s)
        case let b as Bool: node.scalar = .bool(b)
        default: try value.encode(to: TreeEncoder(node: node, path: path))
        }
    }
}

/// A mutable tree node, so nested containers can be filled after they are handed out.
fileprivate final class Node {
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

fileprivate struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> Node {
        let n = Node()
        node.object?[TreeEncoder.snakeCase(key.stringValue)] = n
        return n
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try TreeEncoder.fill(child(key), value, codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let n = child(key)
        n.makeObject()
        return KeyedEncodingContainer(Keyed<NestedKey>(node: n, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let n = child(key)
        n.makeArray()
        return Unkeyed(node: n, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node, path: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: child(key), path: codingPath + [key]) }
}

fileprivate struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int { node.array?.count ?? 0 }

    private func next() -> Node {
        let n = Node()
        node.array?.append(n)
        return n
    }

    mutating func encodeNil() throws { next().scalar = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.fill(next(), value, codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let n = next()
        n.makeObject()
        return KeyedEncodingContainer(Keyed<NestedKey>(node: n, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let n = next()
        n.makeArray()
        return Unkeyed(node: n, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: next(), path: codingPath) }
}

fileprivate struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.scalar = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.fill(node, value, codingPath) }
}
