/// One message of a chat-style request; remote providers send these as-is, the local engine reads their words.
public struct GenerationMessage: Codable, Sendable, Equatable {
    /// Who is speaking, mirroring the roles chat APIs share.
    public enum Role: String, Codable, Sendable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}
