/// The generation engines a user can pick with `--provider`.
public enum ProviderKind: String, Sendable, CaseIterable, Codable {
    /// The offline engine built from the clone's samples.
    case local
    /// OpenAI's Chat Completions API.
    case openai
    /// Anthropic's Messages API.
    case anthropic
    /// Any server speaking the Chat Completions wire format: Ollama, llama.cpp server, LM Studio, vLLM, gateways.
    case openAICompatible = "openai-compatible"

    /// Parses a `--provider` value, accepting a few spellings people type.
    public init?(loose value: String) {
        switch value.lowercased().trimmingCharacters(in: .whitespaces) {
        case "local", "offline": self = .local
        case "openai": self = .openai
        case "anthropic", "claude": self = .anthropic
        case "openai-compatible", "openai_compatible", "compatible", "ollama", "llama.cpp", "vllm", "lmstudio":
            self = .openAICompatible
        default: return nil
        }
    }

    public var isRemote: Bool { self != .local }

    /// The environment variable holding this provider's key.
    public var keyVariable: String? {
        switch self {
        case .local: nil
        case .openai: "OPENAI_API_KEY"
        case .anthropic: "ANTHROPIC_API_KEY"
        // Not OPENAI_API_KEY: that key belongs to OpenAI and must never be sent to a third-party server.
        case .openAICompatible: "OPENAI_COMPATIBLE_API_KEY"
        }
    }

    /// The environment variable overriding the endpoint, as the official SDKs read it.
    public var baseURLVariable: String? {
        switch self {
        case .local: nil
        case .openai, .openAICompatible: "OPENAI_BASE_URL"
        case .anthropic: "ANTHROPIC_BASE_URL"
        }
    }

    /// The endpoint when nothing overrides it; `nil` when the user must name one.
    public var defaultBaseURL: String? {
        switch self {
        case .openai: "https://api.openai.com/v1"
        case .anthropic: "https://api.anthropic.com"
        case .local, .openAICompatible: nil
        }
    }

    /// The model used when neither `--model` nor the vault config names one; `nil` when the user must.
    public var defaultModel: String? {
        switch self {
        case .local: nil
        case .openai: "gpt-4.1-mini"
        case .anthropic: "claude-sonnet-4-5"
        case .openAICompatible: nil
        }
    }

    /// Whether requests are refused without a key (local servers usually need none).
    public var requiresKey: Bool { self == .openai || self == .anthropic }
}
