extension Platform {
    /// LinkedIn: 3,000 characters, and only the first ~210 are shown before "see more", so the hook must fit there.
    public static let linkedin = Platform(
        name: "linkedin", maxChars: 3000, hookChars: 210, hashtags: 3, defaultWords: 180, maxSentencesPerParagraph: 3)
    /// X: 280 characters per post; threads are numbered "1/5".
    public static let x = Platform(
        name: "x", maxCharsPerPost: 280, threads: true, defaultWords: 40, maxSentencesPerParagraph: 3)
    /// Blog: Markdown with a title and section headings.
    public static let blog = Platform(name: "blog", headings: true, defaultWords: 600, maxSentencesPerParagraph: 6)
    /// Newsletter: longer prose, no hard limit.
    public static let newsletter = Platform(name: "newsletter", defaultWords: 400, maxSentencesPerParagraph: 5)
    /// Email: a subject line, then a short body.
    public static let email = Platform(name: "email", subjectLine: true, defaultWords: 150, maxSentencesPerParagraph: 4)
    /// Instagram: 2,200 characters for the caption, hashtags at the end.
    public static let instagram = Platform(
        name: "instagram", maxChars: 2200, hashtags: 6, defaultWords: 120, maxSentencesPerParagraph: 3)
    /// No platform rules.
    public static let generic = Platform(name: "generic", defaultWords: 250)

    /// Every built-in preset, in the order help texts list them.
    public static let presets: [Platform] = [.linkedin, .x, .blog, .newsletter, .email, .instagram, .generic]

    /// The preset called `name` (case-insensitive), looking at user-defined presets first so a vault can override one.
    /// - Throws: ``PlatformError/unknownPreset(name:known:)`` naming the presets that do exist.
    public static func preset(named name: String, custom: [Platform] = []) throws -> Platform {
        let key = name.lowercased()
        if let found = custom.first(where: { $0.name.lowercased() == key }) { return found }
        if let found = presets.first(where: { $0.name == key }) { return found }
        if key == "twitter" { return .x }
        throw PlatformError.unknownPreset(name: name, known: (presets + custom).map(\.name))
    }
}
