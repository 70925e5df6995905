/// One verifiable rule a piece was held to (a character limit, a hook, hashtags), and whether it was met.
public struct PlatformCheck: Codable, Sendable, Equatable {
    /// Short machine-friendly name such as `max_chars`, `hook`, `post_2_chars`, `no_copy`.
    public var name: String
    public var passed: Bool
    /// Plain-language measurement, e.g. "1,204 of 3,000 characters".
    public var detail: String

    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}
