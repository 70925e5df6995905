import VoiceCloneText
import VoiceCloneVault

/// What `sample add` was told about the new samples. Explicit options win over what a file's own
/// front matter or metadata says.
public struct SampleAddOptions: Sendable {
    public var title: String?
    public var contentType: ContentType?
    public var aiAssisted: Bool?
    /// EPUB: one sample per chapter instead of one per book.
    public var splitChapters: Bool
    /// What a sample records as its `source` for an input path the writer never saw: an upload staged in a
    /// temporary folder is recorded under the file name the writer chose, not the staging path.
    public var sourceNames: [String: String]

    public init(title: String? = nil, contentType: ContentType? = nil, aiAssisted: Bool? = nil, splitChapters: Bool = false,
                sourceNames: [String: String] = [:]) {
        self.title = title
        self.contentType = contentType
        self.aiAssisted = aiAssisted
        self.splitChapters = splitChapters
        self.sourceNames = sourceNames
    }
}

/// What happened to one input of `sample add`. Batches report one of these per input, in order.
public struct SampleAddResult: Codable, Sendable {
    public enum Status: String, Codable, Sendable { case added, skipped, failed }

    public var input: String
    public var status: Status
    /// For `added`: the new sample; for `skipped`: nil.
    public var sample: SampleSummary?
    /// Why it was skipped or failed, in plain words.
    public var reason: String?
    /// For `skipped` duplicates: the id of the sample that already has this text.
    public var duplicateOf: String?
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case input, status, sample, reason, warnings
        case duplicateOf = "duplicate_of"
    }
}
