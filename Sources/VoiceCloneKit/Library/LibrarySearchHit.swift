/// A piece that contains the searched text, with the words around the first hit.
public struct LibrarySearchHit: Encodable, Sendable, Equatable {
    public var entry: LibraryEntry
    /// About a line of context around the first match, on one line.
    public var snippet: String
    /// How many times the text occurs in the piece and its prompt.
    public var matches: Int

    public func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(snippet, forKey: .snippet)
        try container.encode(matches, forKey: .matches)
    }

    enum Key: String, CodingKey { case snippet, matches }
}
