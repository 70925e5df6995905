/// One sentence of the text being judged, with where it is and the words the lists are matched against.
package struct DetectionSentence: Sendable {
    /// UTF-8 byte offsets into the text as given.
    package var range: Range<Int>
    package var text: String
    /// Lowercased words, as `Tokenizer.words(in:)` gives them.
    package var words: [String]
    /// Index of the block it belongs to.
    package var block: Int
    package var blockKind: TextBlock.Kind
}
