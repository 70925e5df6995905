/// What a writer's edits of saved drafts teach: the DNA's `edits` section (see docs/dna.md).
///
/// Mined by ``EditMiner`` from pieces the writer marked approved or published. Lessons are sorted and their
/// numbers rounded by `CanonicalJSON`, so the same pieces always give the same bytes.
public struct EditLessons: Codable, Sendable, Equatable {
    /// Approved or published pieces compared with the draft the tool saved.
    public var pieces: Int
    /// Those the writer changed at all.
    public var editedPieces: Int
    /// A pattern counts only when seen in at least this many pieces.
    public var minSupport: Int
    public var lessons: [EditLesson]

    public init(pieces: Int, editedPieces: Int, minSupport: Int, lessons: [EditLesson]) {
        self.pieces = pieces; self.editedPieces = editedPieces; self.minSupport = minSupport; self.lessons = lessons
    }

    public func lessons(of kind: EditLesson.Kind) -> [EditLesson] { lessons.filter { $0.kind == kind } }
}

/// One pattern in the writer's edits, with how often it was seen and examples in their own words.
public struct EditLesson: Codable, Sendable, Equatable {
    /// Declared in the order lessons are listed.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A word or phrase replaced (`before` → the most frequent `after`).
        case replace
        /// A word or phrase deleted.
        case cut
        /// A word or phrase deleted where it opened a sentence ("So, …").
        case cutSentenceStart = "cut_sentence_start"
        /// A word or phrase added.
        case add
        /// Long sentences split; `value` is the length in words above which they were split.
        case split
        /// Short sentences joined; `value` is the longest sentence that was joined to its neighbour.
        case join
        /// The opening sentence rewritten.
        case opening
        /// The closing sentence rewritten or cut.
        case closing
        /// Punctuation changed (`before` → `after`, either may be empty).
        case punctuation
        /// "do not" → "don't".
        case contract
        /// "don't" → "do not".
        case expand
        /// Pieces for `platform` made longer or shorter; `value` is the mean change (−0.12 = 12% shorter).
        case length
    }

    public var kind: Kind
    public var before: String?
    public var after: String?
    public var platform: String?
    public var value: Double?
    /// Pieces showing the pattern.
    public var support: Int
    /// Pieces where it could have been seen (those whose draft had the phrase, or a sentence that long).
    public var opportunities: Int
    public var examples: [EditExample]

    public init(kind: Kind, before: String? = nil, after: String? = nil, platform: String? = nil, value: Double? = nil,
                support: Int, opportunities: Int, examples: [EditExample]) {
        self.kind = kind; self.before = before; self.after = after; self.platform = platform; self.value = value
        self.support = support; self.opportunities = opportunities; self.examples = examples
    }
}

/// A passage of a draft and what the writer made of it.
public struct EditExample: Codable, Sendable, Equatable {
    /// The library piece it comes from.
    public var piece: String
    public var before: String
    public var after: String

    public init(piece: String, before: String, after: String) {
        self.piece = piece; self.before = before; self.after = after
    }
}
