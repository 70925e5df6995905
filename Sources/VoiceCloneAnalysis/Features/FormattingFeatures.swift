/// Formatting habits per 1,000 words: what the writer does with Markdown, emoji and social conventions.
public struct FormattingFeatures: Codable, Sendable, Equatable {
    public var emoji: Double
    public var hashtags: Double
    public var mentions: Double
    public var bulletItems: Double
    public var numberedItems: Double
    public var headings: Double
    public var bold: Double
    public var italics: Double
    /// Markdown links, autolinks and bare URLs.
    public var links: Double
    public var images: Double
    public var codeBlocks: Double
    public var blockquotes: Double
    /// Words of two or more letters in capitals ("NEVER").
    public var allCapsWords: Double

    init(_ c: CorpusCounts) {
        let w = c.words
        let h = c.habits
        emoji = Stats.per1000(c.emoji, w); hashtags = Stats.per1000(c.hashtags, w); mentions = Stats.per1000(c.mentions, w)
        bulletItems = Stats.per1000(h.bulletItems, w); numberedItems = Stats.per1000(h.numberedItems, w)
        headings = Stats.per1000(h.headings, w); bold = Stats.per1000(h.bold, w); italics = Stats.per1000(h.italics, w)
        links = Stats.per1000(h.links + c.urls, w); images = Stats.per1000(h.images, w)
        codeBlocks = Stats.per1000(h.codeBlocks, w); blockquotes = Stats.per1000(h.blockquotes, w)
        allCapsWords = Stats.per1000(c.allCapsWords, w)
    }
}
