/// An input a batch command (`stats`, `attribute`, `match`, `detect`) could not read or judge, and why.
public struct InputFailure: Error, Codable, Sendable {
    public var file: String
    public var error: String
}

extension InputFailure {
    /// One line for stderr that names the input once: most errors already start with the path.
    public var message: String { error.hasPrefix(file) ? error : "\(file): \(error)" }
}
