/// Which offline engine `generate --provider local` uses.
public enum LocalDraftEngine: String, Sendable, CaseIterable {
    /// The default: the writer's notes written in their voice and the platform's shape; without notes, a skeleton.
    case notes
    /// The old n-gram remixer, kept for comparison only.
    case remix

    /// What the remixer is, said wherever it appears (help, output).
    public static let remixLabel = "recombines phrases from the samples; not coherent prose"
}

/// Voice scores of the notes rendered plainly (each point a sentence, no voice): what a draft's scores are
/// compared with, reported as `before` in `generate --json`.
public struct PlainNotesScores: Encodable, Sendable, Equatable {
    public var voiceMatch: Int?
    public var aiLikeness: Int

    enum CodingKeys: String, CodingKey {
        case voiceMatch = "voice_match"
        case sameWriterProbability = "same_writer_probability"
        case aiLikeness = "ai_likeness"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(voiceMatch, forKey: .voiceMatch)
        try c.encode(voiceMatch.map { Double($0) / 100 }, forKey: .sameWriterProbability)
        try c.encode(aiLikeness, forKey: .aiLikeness)
    }
}

extension GenerateOptions {
    /// The same options with another offline engine (`--engine`).
    public func withEngine(_ engine: LocalDraftEngine) -> GenerateOptions {
        var copy = self
        copy.engine = engine
        return copy
    }
}
