import Foundation
import Yams
import VoiceCloneText

/// The front matter of one writing sample. Derived numbers (word count, hash) are never stored:
/// people edit samples by hand, so the scanner recomputes them on every run.
public struct SampleMetadata: Sendable, Equatable, Codable {
    public var title: String?
    public var source: String?
    public var sourceType: SourceType?
    public var contentType: ContentType
    public var added: String?
    public var aiAssisted: Bool
    public var author: String?
    public var published: String?
    /// Set by `sync` on the local copy of a sample both sides edited: the id of the sample it duplicates.
    /// Analysis leaves such copies out until a person keeps one side.
    public var conflictOf: String?
    /// Set by `library promote`: the share of words the writer changed in a draft the tool wrote (0–1). Read,
    /// never written by `fields`, which keeps it as the user's own property.
    public var editedShare: Double? = nil

    /// A promoted draft in which the writer changed at least this share of the words is their writing, and
    /// counts as a sample even though it is marked `ai_assisted`; a lightly edited one is kept apart.
    public static let ownWordsShare = 0.5

    /// Whether analysis should treat the sample as machine-assisted: marked so, and not rewritten enough by the
    /// writer to count as theirs.
    public var keptApartAsAIAssisted: Bool { aiAssisted && (editedShare ?? 0) < Self.ownWordsShare }

    public init(title: String? = nil, source: String? = nil, sourceType: SourceType? = nil,
                contentType: ContentType = .other, added: String? = nil, aiAssisted: Bool = false,
                author: String? = nil, published: String? = nil) {
        self.title = title
        self.source = source
        self.sourceType = sourceType
        self.contentType = contentType
        self.added = added
        self.aiAssisted = aiAssisted
        self.author = author
        self.published = published
    }

    enum CodingKeys: String, CodingKey {
        case title, source, author, published, added
        case sourceType = "source_type"
        case contentType = "content_type"
        case aiAssisted = "ai_assisted"
        case conflictOf = "conflict_of"
    }

    /// Reads what it knows and is lenient with the rest: an unknown content type becomes `other`
    /// with a warning rather than making the whole sample unreadable.
    public init(fields: [(key: String, value: Yams.Node)], warnings: inout [String]) {
        title = fields.string("title")
        source = fields.string("source")
        author = fields.string("author")
        published = fields.string("published")
        added = fields.string("added") ?? fields.string("date_added")
        if let raw = fields.string("source_type") {
            sourceType = SourceType(rawValue: raw.lowercased())
            if sourceType == nil { warnings.append("unknown source_type \"\(raw)\"") }
        }
        let typeRaw = fields.string("content_type") ?? fields.string("type")
        if let typeRaw {
            if let type = ContentType(loose: typeRaw) {
                contentType = type
            } else {
                contentType = .other
                warnings.append("unknown content_type \"\(typeRaw)\"; treated as other (known: \(ContentType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        } else {
            contentType = .other
        }
        if fields.node("ai_assisted") != nil, fields.bool("ai_assisted") == nil {
            warnings.append("ai_assisted should be true or false")
        }
        aiAssisted = fields.bool("ai_assisted") ?? false
        conflictOf = fields.string("conflict_of")
        editedShare = fields.string("edited_share").flatMap(Double.init).map { min(max($0, 0), 1) }
    }

    /// Fields in a fixed order, merged over `existing` so properties the user added are kept.
    public func fields(mergingInto existing: [(key: String, value: Yams.Node)] = []) -> [(key: String, value: Yams.Node)] {
        var out = existing
        out.set("title", title.map(Yams.Node.text))
        out.set("source", source.map(Yams.Node.text))
        out.set("source_type", sourceType.map { Yams.Node.text($0.rawValue) })
        out.set("content_type", .text(contentType.rawValue))
        out.set("author", author.map(Yams.Node.text))
        out.set("published", published.map(Yams.Node.date))
        out.set("added", added.map(Yams.Node.date))
        out.set("ai_assisted", .flag(aiAssisted))
        return out
    }
}
