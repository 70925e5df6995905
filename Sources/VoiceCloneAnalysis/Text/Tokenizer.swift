/// Splits text into the words the analysis counts.
public enum Tokenizer {
    /// The words of plain `text`, lowercased, with curly apostrophes made straight. Contractions ("don't"),
    /// hyphenated words ("well-known"), decimals ("3.5"), times ("10:30") and dotted abbreviations ("u.s") are one word; URLs,
    /// e-mail addresses, hashtags, mentions, emoji and punctuation are not words.
    public static func words(in text: String) -> [String] {
        var scanner = ProseScanner(softLineBreaks: true)
        var copy = text
        copy.withUTF8 { scanner.scan($0) }
        scanner.finish()
        return scanner.ids.map { scanner.table.word(Int($0)) }
    }

    /// The number of words in `text`, as `words(in:)` counts them.
    public static func wordCount(_ text: String) -> Int {
        var scanner = ProseScanner(softLineBreaks: true)
        var copy = text
        copy.withUTF8 { scanner.scan($0) }
        return scanner.ids.count
    }

    /// The prose of a Markdown text, as the analysis sees it: no front matter, code, link targets, images or tags;
    /// headings dropped; list and quote markers removed. Paragraphs are separated by a blank line.
    public static func prose(fromMarkdown markdown: String) -> String {
        String(decoding: MarkdownStripper.strip(markdown).prose, as: UTF8.self)
    }
}
