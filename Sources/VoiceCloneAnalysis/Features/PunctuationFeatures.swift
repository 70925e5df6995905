/// Punctuation marks per 1,000 words, and the Oxford comma habit.
public struct PunctuationFeatures: Codable, Sendable, Equatable {
    public var comma: Double
    public var semicolon: Double
    public var colon: Double
    /// Em dashes (—), including `--` typed for one.
    public var emDash: Double
    /// En dashes (–), including a hyphen with a space on each side used as a dash.
    public var enDash: Double
    /// Ellipses: `…` or three or more dots.
    public var ellipsis: Double
    /// Opening parentheses.
    public var parentheses: Double
    public var exclamation: Double
    public var question: Double
    /// Straight quotes `"` and `'` (apostrophes inside words excluded).
    public var straightQuotes: Double
    /// Curly quotes “ ” ‘ ’ (apostrophes inside words excluded).
    public var curlyQuotes: Double
    /// Share of lists "A, B, and C" written with the comma before and/or; absent when no such list was found.
    public var oxfordCommaRate: Double?
    /// How many lists the Oxford comma rate is based on.
    public var oxfordCommaLists: Int

    init(_ c: CorpusCounts) {
        let w = c.words
        func rate(_ m: PunctuationMark) -> Double { Stats.per1000(c.punctuation[m.rawValue], w) }
        comma = rate(.comma); semicolon = rate(.semicolon); colon = rate(.colon)
        emDash = rate(.emDash); enDash = rate(.enDash); ellipsis = rate(.ellipsis)
        parentheses = rate(.parenthesis); exclamation = rate(.exclamation); question = rate(.question)
        straightQuotes = rate(.straightQuote); curlyQuotes = rate(.curlyQuote)
        oxfordCommaLists = c.oxfordWith + c.oxfordWithout
        oxfordCommaRate = oxfordCommaLists > 0 ? Double(c.oxfordWith) / Double(oxfordCommaLists) : nil
    }
}
