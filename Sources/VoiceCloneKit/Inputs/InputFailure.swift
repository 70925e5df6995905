/// An input a batch command (`stats`, `attribute`, `match`, `detect`) could not read or judge, and why.
public struct InputFailure: Error, Codable, Sendable {
    public var file: String
    public var error: String
}
