/// What a model answered, before it is shaped into a ``GeneratedPiece``.
struct RemoteReply: Sendable {
    var text: String
    /// The model the server says answered (it may resolve an alias to a dated version).
    var model: String?
    /// Why generation stopped, in the provider's words (`stop`, `length`, `end_turn`, `max_tokens`).
    var stopReason: String?
}
