/// UTF-8 byte offsets into the text as given (`end` exclusive), and the same as Unicode character (scalar) offsets.
public struct TextSpan: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var startCharacter: Int
    public var endCharacter: Int

    enum CodingKeys: String, CodingKey {
        case start, end, startCharacter = "start_character", endCharacter = "end_character"
    }
}
