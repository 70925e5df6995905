import Foundation

/// A writer's Voice DNA: every measurement of their samples, their signature, and how far to trust it.
///
/// Serialised with `CanonicalJSON`, the same samples always give the same bytes, so a vault's git history shows
/// exactly which traits changed between revisions. The feature sections carry the same names as `TextProfile`.
public struct VoiceDNA: Codable, Sendable, Equatable {
    /// Version of this file's layout; bumped when a field changes meaning. See docs/dna.md.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The clone's folder name; set by the caller that owns the vault.
    public var clone: String
    /// The revision number (1, 2, …); set by the caller when it stores the DNA.
    public var version: Int
    public var corpus: CorpusSummary
    public var lexical: LexicalFeatures
    public var sentences: SentenceFeatures
    public var paragraphs: ParagraphFeatures
    public var punctuation: PunctuationFeatures
    public var functionWords: FunctionWordFeatures
    public var pronouns: PronounFeatures
    public var readability: ReadabilityScores
    public var formatting: FormattingFeatures
    public var spelling: SpellingFeatures
    public var signature: Signature
    public var confidence: Confidence
    /// Filled by `analyze --with-llm`; never affects the sections above.
    public var qualitative: QualitativeProfile?
    /// Present on merged clones.
    public var merge: MergeProvenance?
    /// What the writer's edits of approved and published library pieces teach (`voiceclone learn`); absent when
    /// no such piece was compared with its draft.
    public var edits: EditLessons?

    /// The measurements under the names `stats` uses.
    public var profile: TextProfile {
        TextProfile(words: corpus.words, lexical: lexical, sentences: sentences, paragraphs: paragraphs,
                    punctuation: punctuation, functionWords: functionWords, pronouns: pronouns,
                    readability: readability, formatting: formatting, spelling: spelling)
    }

    /// Whether two DNAs hold the same analysis, ignoring the revision number and the qualitative section.
    /// `analyze` uses this to write nothing when nothing changed.
    public func sameAnalysis(as other: VoiceDNA) -> Bool {
        var a = self, b = other
        a.version = 0; b.version = 0
        a.qualitative = nil; b.qualitative = nil
        return a == b
    }

    /// The canonical bytes of this DNA (what goes in `clones/<slug>/dna/vNNNN.json`).
    public func canonicalJSON() throws -> Data { try CanonicalJSON.encode(self) }

    /// Reads a DNA file's bytes; `path` only names the file in the error.
    public static func decode(_ data: Data, path: String = "DNA") throws -> VoiceDNA {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let dna: VoiceDNA
        do {
            dna = try decoder.decode(VoiceDNA.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw AnalysisError.invalidDNA(path, reason: "missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let where_ = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AnalysisError.invalidDNA(path, reason: "wrong value at \(where_)")
        } catch {
            throw AnalysisError.invalidDNA(path, reason: "not JSON")
        }
        if dna.schemaVersion > currentSchemaVersion {
            throw AnalysisError.invalidDNA(path, reason: "schema version \(dna.schemaVersion) is newer than this voiceclone understands (\(currentSchemaVersion)); upgrade voiceclone")
        }
        return dna
    }
}

extension TextProfile {
    init(words: Int, lexical: LexicalFeatures, sentences: SentenceFeatures, paragraphs: ParagraphFeatures,
         punctuation: PunctuationFeatures, functionWords: FunctionWordFeatures, pronouns: PronounFeatures,
         readability: ReadabilityScores, formatting: FormattingFeatures, spelling: SpellingFeatures) {
        self.words = words; self.lexical = lexical; self.sentences = sentences; self.paragraphs = paragraphs
        self.punctuation = punctuation; self.functionWords = functionWords; self.pronouns = pronouns
        self.readability = readability; self.formatting = formatting; self.spelling = spelling
    }
}
