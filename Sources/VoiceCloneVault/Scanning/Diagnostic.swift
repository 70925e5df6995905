/// A problem the scanner found in one file. One bad file never stops a scan; it becomes one of these.
public struct Diagnostic: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    /// Relative to the vault root.
    public var path: String
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(severity.rawValue): \(located)"
    }

    /// "path:line: message", the form compilers use, for a sentence that already says how serious it is.
    public var located: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
