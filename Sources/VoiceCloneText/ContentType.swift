/// What kind of writing a sample is. Confidence and generation reason about variety across these.
public enum ContentType: String, Codable, CaseIterable, Sendable, Comparable {
    case blog, email, social, essay, speech, newsletter, article, book, other

    public static func < (a: ContentType, b: ContentType) -> Bool { a.rawValue < b.rawValue }

    /// Accepts the names people type (`post`, `tweet`, `linkedin`) as well as the canonical ones.
    public init?(loose: String) {
        let key = loose.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = ContentType(rawValue: key) { self = exact; return }
        switch key {
        case "post", "tweet", "x", "linkedin", "thread", "instagram": self = .social
        case "mail", "letter": self = .email
        case "talk", "keynote", "transcript": self = .speech
        case "chapter", "ebook", "novel": self = .book
        case "blogpost", "blog-post": self = .blog
        default: return nil
        }
    }
}
