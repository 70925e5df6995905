/// Token strings and their dense integer ids. Ids are assigned in order of first appearance, so the same samples
/// always give the same ids (and therefore the same generated text for a seed).
struct Vocabulary: Sendable {
    static let sentenceStart: Int32 = 0
    static let sentenceEnd: Int32 = 1
    /// Ids are packed 21 bits at a time into context keys.
    static let maxSize = 1 << 21

    private(set) var tokens: [String] = ["<s>", "</s>"]
    private var ids: [String: Int32] = ["<s>": 0, "</s>": 1]

    var count: Int { tokens.count }

    mutating func id(for token: String) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(tokens.count)
        tokens.append(token)
        ids[token] = id
        return id
    }

    func lookup(_ token: String) -> Int32? { ids[token] }
    subscript(id: Int32) -> String { tokens[Int(id)] }
}
