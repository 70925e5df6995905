/// A piece saved in `library/`, as its front matter records it: where it came from and where it stands.
public struct LibraryEntry: Codable, Sendable, Equatable {
    /// The file name without `.md` (`2026-11-24-dana-okafor-why-i-grind-coffee`).
    public var id: String
    /// Relative to the vault root.
    public var path: String
    public var clone: String
    /// The DNA revision the piece was written from; `nil` when the clone had none yet.
    public var dnaVersion: Int?
    public var platform: String
    public var provider: String
    public var model: String
    public var prompt: String
    public var seed: UInt64?
    public var scores: LibraryScores
    /// ISO 8601 timestamp (UTC) of when it was saved.
    public var created: String
    public var status: LibraryStatus
    public var words: Int
    /// The writer's samples a language model was shown whole as examples for this piece (its provenance);
    /// `nil` when none were (the offline engine, a piece written by hand).
    public var exemplarSampleIDs: [String]?

    public init(id: String, path: String, clone: String, dnaVersion: Int?, platform: String, provider: String,
                model: String, prompt: String, seed: UInt64?, scores: LibraryScores, created: String,
                status: LibraryStatus, words: Int) {
        self.id = id
        self.path = path
        self.clone = clone
        self.dnaVersion = dnaVersion
        self.platform = platform
        self.provider = provider
        self.model = model
        self.prompt = prompt
        self.seed = seed
        self.scores = scores
        self.created = created
        self.status = status
        self.words = words
    }

    enum CodingKeys: String, CodingKey {
        case id, path, clone, platform, provider, model, prompt, seed, scores, created, status, words
        case dnaVersion = "dna_version"
        case exemplarSampleIDs = "exemplar_sample_ids"
    }
}
