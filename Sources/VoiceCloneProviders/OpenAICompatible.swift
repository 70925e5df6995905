extension OpenAIProvider {
    /// A provider for any server speaking the Chat Completions format (Ollama, llama.cpp, LM Studio, vLLM).
    ///
    /// It is the OpenAI provider with the user's base URL and an optional key; it is recorded as
    /// `openai-compatible` in provenance so a library entry says the piece did not come from OpenAI.
    public static func compatible(
        baseURL: String, model: String, apiKey: APIKey? = nil, retry: RetryPolicy = .standard
    ) -> OpenAIProvider {
        OpenAIProvider(settings: RemoteProviderSettings(
            kind: .openAICompatible, model: model, baseURL: baseURL, apiKey: apiKey, retry: retry))
    }
}
