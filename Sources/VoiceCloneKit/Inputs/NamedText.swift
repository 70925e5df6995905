/// A text to judge and the name it is reported under (a path, or "standard input").
public struct NamedText: Sendable, Equatable {
    public var file: String
    public var text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
