/// A word-level comparison of a draft and its edited version.
///
/// Built on the standard library's `difference(from:)` (Myers' algorithm) over token keys, so the same two texts
/// always give the same alignment. `hunks` are the places where they differ; `matchInAfter` maps every draft
/// token that survived to its place in the edited text.
public struct WordDiff: Sendable {
    /// One place where the texts differ: draft tokens `before` became edited tokens `after` (either may be empty).
    public struct Hunk: Sendable, Equatable {
        public var before: Range<Int>
        public var after: Range<Int>
    }

    /// One run of the readable diff.
    public struct Segment: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case same, deleted, inserted }
        public var kind: Kind
        public var text: String

        public init(kind: Kind, text: String) { self.kind = kind; self.text = text }
    }

    public let before: [EditToken]
    public let after: [EditToken]
    public let hunks: [Hunk]
    /// For each draft token, the index of the same token in the edited text, or nil when it was deleted or replaced.
    public let matchInAfter: [Int?]

    public init(before: String, after: String) {
        self.init(before: EditTokenizer.tokens(before), after: EditTokenizer.tokens(after))
    }

    public init(before: [EditToken], after: [EditToken]) {
        self.before = before
        self.after = after
        let difference = after.map(\.key).difference(from: before.map(\.key))
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var hunks: [Hunk] = []
        var match = [Int?](repeating: nil, count: before.count)
        var i = 0, j = 0
        while i < before.count || j < after.count {
            let deleting = i < before.count && removed.contains(i)
            let inserting = j < after.count && inserted.contains(j)
            if !deleting && !inserting {
                if i < before.count && j < after.count { match[i] = j }
                i += 1; j += 1
                continue
            }
            let start = (i, j)
            while i < before.count && removed.contains(i) { i += 1 }
            while j < after.count && inserted.contains(j) { j += 1 }
            hunks.append(Hunk(before: start.0..<i, after: start.1..<j))
        }
        self.hunks = hunks
        self.matchInAfter = match
    }

    /// Words in the draft and in the edited text, and how many draft words survived unchanged.
    public var wordCounts: (before: Int, after: Int, kept: Int) {
        let kept = before.indices.filter { before[$0].isWord && matchInAfter[$0] != nil }.count
        return (before.filter(\.isWord).count, after.filter(\.isWord).count, kept)
    }

    /// The share of words the writer changed: 0 when nothing changed, 1 when no draft word is left.
    /// One minus the words kept over the longer of the two versions.
    public var changedShare: Double {
        let (b, a, kept) = wordCounts
        let longer = max(a, b)
        return longer == 0 ? 0 : 1 - Double(kept) / Double(longer)
    }

    /// The diff as runs of kept, deleted and inserted text, paragraphs kept as blank lines.
    public var segments: [Segment] {
        var segments: [Segment] = []
        func add(_ kind: Segment.Kind, _ tokens: ArraySlice<EditToken>) {
            guard !tokens.isEmpty else { return }
            var text = EditTokenizer.render(tokens, paragraphBreak: "\n\n")
            // The edited text's first token has no space before it, but follows whatever the draft lost.
            let opensAfterCut = tokens.startIndex == 0 && !segments.isEmpty
            if tokens.first?.kind == .paragraph {
                text = "\n\n" + text
            } else if (tokens.first?.spaceBefore == true || opensAfterCut) && segments.last?.text.hasSuffix("\n") != true {
                text = " " + text
            }
            if tokens.last?.kind == .paragraph { text += "\n\n" }
            if let last = segments.last, last.kind == kind {
                segments[segments.count - 1].text += text
            } else {
                segments.append(Segment(kind: kind, text: text))
            }
        }
        // Kept runs are shown as the edited text has them (a capital moved by a split is the writer's).
        var j = 0
        for hunk in hunks {
            add(.same, after[j..<hunk.after.lowerBound])
            add(.deleted, before[hunk.before])
            add(.inserted, after[hunk.after])
            j = hunk.after.upperBound
        }
        add(.same, after[j...])
        if let first = segments.first, first.text.first?.isWhitespace == true {
            segments[0].text = String(first.text.drop { $0.isWhitespace })
        }
        return segments
    }

    /// The diff as one readable text: `[-deleted-]{+inserted+}`, as `wdiff` writes it.
    public var inlineText: String {
        segments.map { segment in
            switch segment.kind {
            case .same: return segment.text
            case .deleted: return Self.wrap(segment.text, "[-", "-]")
            case .inserted: return Self.wrap(segment.text, "{+", "+}")
            }
        }.joined()
    }

    private static func wrap(_ text: String, _ open: String, _ close: String) -> String {
        let lead = text.prefix { $0 == " " || $0 == "\n" }
        return lead + open + text.dropFirst(lead.count) + close
    }
}
