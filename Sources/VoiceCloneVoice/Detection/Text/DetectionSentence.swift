/// One sentence of the text being judged, with where it is and the words the lists are matched against.
struct DetectionSentence: Sendable {
    /// UTF-8 byte offsets into the text as given.
    var range: Range<Int>
    var text: String
    /// Lowercased words, as `Tokenizer.words(in:)` gives them.
    var words: [String]
    /// Index of the block it belongs to.
    var block: Int
    var blockKind: TextBlock.Kind
}
