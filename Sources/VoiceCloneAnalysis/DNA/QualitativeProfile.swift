/// The qualitative side of a voice (tone, attitude, themes), written by a language model on request.
/// It is reserved here so that filling it never changes the deterministic sections.
public struct QualitativeProfile: Codable, Sendable, Equatable {
    public var provider: String
    public var model: String
    public var tone: [String]
    public var attitude: [String]
    public var themes: [String]
    public var dos: [String]
    public var donts: [String]
    /// Short quotations from the samples supporting the description.
    public var evidence: [String]
    /// SHA-256 of the request that produced this reading (provider, model, endpoint, every message). The same
    /// digest on the next `analyze --with-llm` means the same samples would go to the same model: nothing is sent.
    public var requestDigest: String?

    public init(provider: String, model: String, tone: [String] = [], attitude: [String] = [], themes: [String] = [],
                dos: [String] = [], donts: [String] = [], evidence: [String] = [], requestDigest: String? = nil) {
        self.provider = provider; self.model = model; self.tone = tone; self.attitude = attitude
        self.themes = themes; self.dos = dos; self.donts = donts; self.evidence = evidence
        self.requestDigest = requestDigest
    }
}
