/// The kinds of evidence attribution combines. Each family gets its own distance, and the distances
/// are averaged after scaling, because no single family is reliable on short texts.
public enum FeatureFamily: String, CaseIterable, Codable, Sendable {
    /// Relative frequencies of the most frequent words (mostly function words).
    case words
    /// Relative frequencies of the most frequent character 3- and 4-grams, spaces and punctuation included.
    case characters
    /// Punctuation rates and sentence/word-length shape (`StyleFeature`).
    case style
}
