/// Everything a provider needs to write one piece, independent of which provider writes it.
public struct GenerationRequest: Sendable {
    /// Instructions and the user's ask, in order. Remote providers send them; the local engine reads the user's words
    /// as topic keywords (it cannot follow instructions).
    public var messages: [GenerationMessage]
    /// The platform whose limits and shape the piece must meet.
    public var platform: Platform
    /// Desired length; `nil` uses the platform's default.
    public var length: LengthTarget?
    /// Sampling temperature; `nil` uses the provider's default. Higher is more adventurous.
    public var temperature: Double?
    /// Seed for reproducible output; `nil` lets the provider pick one (the local engine reports the one it used).
    public var seed: UInt64?
    /// Number of posts for threaded platforms (`x --thread 5`); `nil` means a single post.
    public var threadPosts: Int?

    public init(
        messages: [GenerationMessage],
        platform: Platform = .generic,
        length: LengthTarget? = nil,
        temperature: Double? = nil,
        seed: UInt64? = nil,
        threadPosts: Int? = nil
    ) {
        self.messages = messages
        self.platform = platform
        self.length = length
        self.temperature = temperature
        self.seed = seed
        self.threadPosts = threadPosts
    }

    /// A request from a plain prompt, optionally with a system message.
    public init(
        prompt: String,
        system: String? = nil,
        platform: Platform = .generic,
        length: LengthTarget? = nil,
        temperature: Double? = nil,
        seed: UInt64? = nil,
        threadPosts: Int? = nil
    ) {
        var messages: [GenerationMessage] = []
        if let system { messages.append(GenerationMessage(role: .system, content: system)) }
        messages.append(GenerationMessage(role: .user, content: prompt))
        self.init(
            messages: messages, platform: platform, length: length,
            temperature: temperature, seed: seed, threadPosts: threadPosts)
    }

    /// The user's words (what the piece is about), joined; system instructions are not topic words.
    public var userText: String {
        messages.filter { $0.role == .user }.map(\.content).joined(separator: "\n")
    }
}
