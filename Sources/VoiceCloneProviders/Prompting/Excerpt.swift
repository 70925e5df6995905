/// A short passage of a writer's own text shown to the model as an example of the voice.
public struct Excerpt: Codable, Sendable, Equatable {
    public var sampleID: String
    public var text: String
    /// How many of the request's keywords it contains (0 when chosen only as a typical passage).
    public var keywordHits: Int

    public init(sampleID: String, text: String, keywordHits: Int) {
        self.sampleID = sampleID
        self.text = text
        self.keywordHits = keywordHits
    }

    enum CodingKeys: String, CodingKey {
        case text
        case sampleID = "sample_id"
        case keywordHits = "keyword_hits"
    }
}
