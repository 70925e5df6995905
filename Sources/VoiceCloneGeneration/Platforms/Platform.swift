/// Where a piece will be published, and the rules that come with it.
///
/// Presets cover the common destinations; users add their own in the vault config (decoded with `Codable`; every
/// field except `name` may be left out and falls back to the `generic` value).
public struct Platform: Codable, Sendable, Equatable {
    /// Preset or user-defined name (`linkedin`, `x`, `blog`, ...), recorded in provenance.
    public var name: String
    /// Hard limit on the whole piece in characters (for threads: on each post, see `maxCharsPerPost`).
    public var maxChars: Int?
    /// Hard limit per post for platforms that split content into posts (`x`).
    public var maxCharsPerPost: Int?
    /// The first paragraph must end within this many characters (the part shown before "see more").
    public var hookChars: Int?
    /// Number of hashtags to append on a final line; 0 for none.
    public var hashtags: Int
    /// Whether the piece is Markdown with a title and section headings.
    public var headings: Bool
    /// Whether the piece starts with a `Subject:` line.
    public var subjectLine: Bool
    /// Whether `threadPosts` may split the piece into numbered posts ("1/5").
    public var threads: Bool
    /// Length used when the request gives none.
    public var defaultWords: Int
    /// Upper bound on sentences per paragraph; social platforms read better with short paragraphs.
    public var maxSentencesPerParagraph: Int?

    public init(
        name: String, maxChars: Int? = nil, maxCharsPerPost: Int? = nil, hookChars: Int? = nil,
        hashtags: Int = 0, headings: Bool = false, subjectLine: Bool = false, threads: Bool = false,
        defaultWords: Int = 250, maxSentencesPerParagraph: Int? = nil
    ) {
        self.name = name
        self.maxChars = maxChars
        self.maxCharsPerPost = maxCharsPerPost
        self.hookChars = hookChars
        self.hashtags = hashtags
        self.headings = headings
        self.subjectLine = subjectLine
        self.threads = threads
        self.defaultWords = defaultWords
        self.maxSentencesPerParagraph = maxSentencesPerParagraph
    }

    enum CodingKeys: String, CodingKey {
        case name, hashtags, headings, threads
        case maxChars = "max_chars"
        case maxCharsPerPost = "max_chars_per_post"
        case hookChars = "hook_chars"
        case subjectLine = "subject_line"
        case defaultWords = "default_words"
        case maxSentencesPerParagraph = "max_sentences_per_paragraph"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PlatformError.invalidPreset(name: name, reason: "the name is empty")
        }
        self.init(
            name: name,
            maxChars: try c.decodeIfPresent(Int.self, forKey: .maxChars),
            maxCharsPerPost: try c.decodeIfPresent(Int.self, forKey: .maxCharsPerPost),
            hookChars: try c.decodeIfPresent(Int.self, forKey: .hookChars),
            hashtags: try c.decodeIfPresent(Int.self, forKey: .hashtags) ?? 0,
            headings: try c.decodeIfPresent(Bool.self, forKey: .headings) ?? false,
            subjectLine: try c.decodeIfPresent(Bool.self, forKey: .subjectLine) ?? false,
            threads: try c.decodeIfPresent(Bool.self, forKey: .threads) ?? false,
            defaultWords: try c.decodeIfPresent(Int.self, forKey: .defaultWords) ?? 250,
            maxSentencesPerParagraph: try c.decodeIfPresent(Int.self, forKey: .maxSentencesPerParagraph))
        try validate()
    }

    /// Rejects limits that no text could meet, so a typo in the vault config fails loudly instead of silently.
    public func validate() throws {
        func positive(_ value: Int?, _ field: String, minimum: Int = 1) throws {
            if let value, value < minimum {
                throw PlatformError.invalidPreset(name: name, reason: "\(field) must be at least \(minimum), got \(value)")
            }
        }
        try positive(maxChars, "max_chars", minimum: 20)
        try positive(maxCharsPerPost, "max_chars_per_post", minimum: 20)
        try positive(hookChars, "hook_chars", minimum: 20)
        try positive(defaultWords, "default_words")
        try positive(maxSentencesPerParagraph, "max_sentences_per_paragraph")
        if hashtags < 0 || hashtags > 30 {
            throw PlatformError.invalidPreset(name: name, reason: "hashtags must be between 0 and 30, got \(hashtags)")
        }
    }
}
