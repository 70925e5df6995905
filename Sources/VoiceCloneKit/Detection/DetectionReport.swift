import VoiceCloneDetection

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
