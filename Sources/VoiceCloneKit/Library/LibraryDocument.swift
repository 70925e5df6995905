/// A saved piece with its text, for `library show`.
public struct LibraryDocument: Encodable, Sendable, Equatable {
    public var entry: LibraryEntry
    public var text: String

    public func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(text, forKey: .text)
    }

    enum Key: String, CodingKey { case text }
}
