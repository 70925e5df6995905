import VoiceCloneAttribution

/// `attribute` for one file: the attribution with the file it is about (`file`, `ranking`, `best`, …).
public struct AttributionReport: Encodable, Sendable {
    public var file: String
    public var attribution: Attribution

    enum CodingKeys: String, CodingKey { case file }

    public func encode(to encoder: any Encoder) throws {
        try attribution.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
    }
}

/// `match` for one file: the 0–100 score, the plain-language differences from the voice's DNA, and the
/// feature-level deviations behind the score.
public struct MatchReport: Encodable, Sendable {
    public var file: String
    public var match: VoiceMatch
    /// Differences from the clone's DNA traits, largest first, in words.
    public var differences: [String]

    enum CodingKeys: String, CodingKey { case file, differences }

    public func encode(to encoder: any Encoder) throws {
        try match.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(differences, forKey: .differences)
    }
}
