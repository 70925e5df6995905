/// An API key that cannot end up in a log line, an error or JSON by accident.
///
/// Its `description` is a fixed placeholder, it is not `Codable`, and the only way to read the secret is
/// `revealForHeader()`, which the providers call when they build the authentication header.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let secret: String
    /// Where the key came from (`OPENAI_API_KEY`, or the credentials file's path), for error messages.
    public let source: String

    /// `nil` for an empty or blank value, which users set by mistake (`export OPENAI_API_KEY=`).
    public init?(_ raw: String?, source: String) {
        guard let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        self.secret = trimmed
        self.source = source
    }

    public var description: String { "[redacted key from \(source)]" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }

    /// True when the key holds a control character (a CR or LF pasted with it): such a key is refused, never sent.
    public var containsControlCharacters: Bool {
        secret.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The secret, for the one header that carries it.
    public func revealForHeader() -> String { secret }

    /// Replaces every occurrence of the key in `text` (servers sometimes echo part of it back).
    public func scrub(_ text: String) -> String {
        SecretScrubber.scrub(text, secrets: [secret])
    }
}
