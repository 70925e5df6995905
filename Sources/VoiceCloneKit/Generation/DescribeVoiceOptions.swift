import VoiceCloneProviders

/// Which language model describes a voice for `analyze --with-llm`.
public struct DescribeVoiceOptions: Sendable {
    public var clone: String
    /// A remote provider; `nil` takes the vault's `default_provider` (which must then be remote).
    public var provider: String?
    public var model: String?
    public var baseURL: String?
    /// Words of sample text sent at most.
    public var wordBudget: Int
    public var retry: RetryPolicy
    /// Ask again even when the DNA already holds the answer to this exact request (`analyze --with-llm --refresh`).
    public var refresh: Bool

    public init(clone: String, provider: String? = nil, model: String? = nil, baseURL: String? = nil,
                wordBudget: Int = 3000, retry: RetryPolicy = .standard, refresh: Bool = false) {
        self.clone = clone
        self.provider = provider
        self.model = model
        self.baseURL = baseURL
        self.wordBudget = wordBudget
        self.retry = retry
        self.refresh = refresh
    }
}
