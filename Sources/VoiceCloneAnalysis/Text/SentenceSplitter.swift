/// Splits plain text into sentences, with the same rules the analysis uses.
///
/// Detection and rewriting need sentence positions in the writer's own text, so this works on the text as given
/// (a single newline is a space, a blank line ends a paragraph) and returns ranges into it.
public enum SentenceSplitter {
    /// The ranges of the sentences of `text`, in order; each runs from its first character through its closing
    /// punctuation and quotes.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var scanner = ProseScanner(softLineBreaks: true)
        scanner.recordSpans = true
        var copy = text
        copy.withUTF8 { scanner.scan($0) }
        scanner.finish()
        let utf8 = text.utf8
        return scanner.spans.map { span in
            let lo = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
            let hi = utf8.index(utf8.startIndex, offsetBy: span.upperBound)
            return lo..<hi
        }
    }

    /// The sentences of `text` as strings.
    public static func sentences(in text: String) -> [String] {
        ranges(in: text).map { String(text[$0]) }
    }
}
