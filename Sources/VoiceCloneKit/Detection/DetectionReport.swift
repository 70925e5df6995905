import VoiceCloneVoice

/// `detect` for one text: the file it is about and the detector's result (`file`, `score`, `likely_ai`, `signals`,
/// `flags`, …) in one flat JSON object.
public struct DetectionReport: Encodable, Sendable {
    public var file: String
    public var detection: DetectionResult

    enum CodingKeys: String, CodingKey { case file }

    public func encode(to encoder: any Encoder) throws {
        try detection.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
    }
}

/// A text to judge and the name it is reported under (a path, or "standard input").
public struct NamedText: Sendable, Equatable {
    public var file: String
    public var text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}
