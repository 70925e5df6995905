/// One server-sent event: what a streaming language-model API sends for each fragment of its answer.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field (Anthropic names every event; OpenAI sends none), `nil` when absent.
    public var event: String?
    /// The `data:` lines of the event, joined with newlines.
    public var data: String
    /// The last `id:` seen, as the spec asks clients to remember it.
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}
