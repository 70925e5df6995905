/// A parsed `Content-Type` value: `text/html; charset="ISO-8859-1"` → type `text/html`, charset `iso-8859-1`.
public struct MediaType: Sendable, Equatable {
    public var type: String
    public var charset: String?

    public init(parsing value: String) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        type = (parts.first.map(String.init) ?? "").trimmingWhitespace().lowercased()
        charset = nil
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
            var name = pair[1]
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            if !name.isEmpty { charset = name.lowercased() }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        // Character.isWhitespace also covers "\r\n", which Swift treats as one character.
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
