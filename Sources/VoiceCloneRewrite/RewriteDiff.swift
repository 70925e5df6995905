import VoiceCloneAnalysis
import VoiceCloneGeneration

/// A sentence-level diff between a draft and its rewrite, for `rewrite --diff`: which sentences changed and how.
public struct RewriteDiff: Codable, Sendable, Equatable {
    public struct Change: Codable, Sendable, Equatable {
        /// Draft sentences removed or replaced (empty for a pure insertion).
        public var before: [String]
        /// Rewritten sentences in their place (empty for a pure deletion).
        public var after: [String]
        /// Why each edit inside this change was made (offline rewrite only).
        public var reasons: [String] = []

        public init(before: [String], after: [String], reasons: [String] = []) {
            self.before = before
            self.after = after
            self.reasons = reasons
        }

        enum CodingKeys: String, CodingKey { case before, after, reasons }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            before = try c.decode([String].self, forKey: .before)
            after = try c.decode([String].self, forKey: .after)
            reasons = try c.decodeIfPresent([String].self, forKey: .reasons) ?? []
        }
    }

    public var changes: [Change]
    /// Edits the rewrite made and then did not keep, with why (the judges scored them worse: ``EditGuard``). The
    /// text keeps the draft's sentence; `--diff` shows what was tried.
    public var notKept: [Change] = []

    public init(changes: [Change], notKept: [Change] = []) {
        self.changes = changes
        self.notKept = notKept
    }

    enum CodingKeys: String, CodingKey { case changes, notKept = "not_kept" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        changes = try c.decode([Change].self, forKey: .changes)
        notKept = try c.decodeIfPresent([Change].self, forKey: .notKept) ?? []
    }

    /// Aligns the two texts' sentences by longest common subsequence and groups the differences.
    public static func between(_ draft: String, _ rewritten: String) -> RewriteDiff {
        let a = sentences(draft), b = sentences(rewritten)
        return RewriteDiff(changes: align(a, b).map { Change(before: Array(a[$0.before]), after: Array(b[$0.after])) })
    }

    /// Which draft sentences (`before`) a change replaces with which rewritten ones (`after`), by index.
    struct AlignedChange: Equatable {
        var before: Range<Int>
        var after: Range<Int>
    }

    /// The changes between two sentence lists, in order: runs the longest common subsequence leaves unmatched,
    /// split sentence for sentence when both sides have the same number, so each edit sits next to its original.
    static func align(_ a: [String], _ b: [String]) -> [AlignedChange] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var changes: [AlignedChange] = []
        var i = 0, j = 0
        var runStart = (0, 0)
        func flush() {
            let before = runStart.0..<i, after = runStart.1..<j
            if before.count == after.count {
                for k in 0..<before.count {
                    changes.append(AlignedChange(before: (before.lowerBound + k)..<(before.lowerBound + k + 1),
                                                 after: (after.lowerBound + k)..<(after.lowerBound + k + 1)))
                }
            } else {
                changes.append(AlignedChange(before: before, after: after))
            }
        }
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                i += 1; j += 1
                runStart = (i, j)
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                j += 1
            } else {
                i += 1
            }
        }
        flush()
        return changes
    }

    /// The rewrite with only some of its changes kept: every change whose index (in `between(draft, rewritten)`)
    /// is not in `kept` is put back as the draft had it, and everything else stays byte for byte as rewritten.
    /// Nil when a sentence cannot be found verbatim in its text (the caller then offers all or nothing).
    public static func keeping(_ kept: Set<Int>, draft: String, rewritten: String) -> String? {
        let a = sentences(draft), b = sentences(rewritten)
        guard let draftSpans = spans(of: a, in: draft), let rewrittenSpans = spans(of: b, in: rewritten) else { return nil }
        var replacements: [(range: Range<String.Index>, text: String)] = []
        for (index, change) in align(a, b).enumerated() where !kept.contains(index) {
            let original = change.before.isEmpty
                ? "" : String(draft[draftSpans[change.before.lowerBound].lowerBound..<draftSpans[change.before.upperBound - 1].upperBound])
            if change.after.isEmpty {
                // A sentence the rewrite dropped goes back after the sentence that preceded it.
                let at = change.after.lowerBound == 0 ? rewritten.startIndex : rewrittenSpans[change.after.lowerBound - 1].upperBound
                let text = change.after.lowerBound == 0 ? original + " " : " " + original
                replacements.append((at..<at, text))
            } else {
                var range = rewrittenSpans[change.after.lowerBound].lowerBound..<rewrittenSpans[change.after.upperBound - 1].upperBound
                if original.isEmpty {
                    // An added sentence goes with the blank that separated it from what follows.
                    var end = range.upperBound
                    while end < rewritten.endIndex, rewritten[end] == " " { end = rewritten.index(after: end) }
                    range = range.lowerBound..<end
                }
                replacements.append((range, original))
            }
        }
        // The replacements are in text order and never overlap: copy what lies between them.
        var result = ""
        var copied = rewritten.startIndex
        for replacement in replacements {
            result += rewritten[copied..<replacement.range.lowerBound]
            result += replacement.text
            copied = replacement.range.upperBound
        }
        return result + rewritten[copied...]
    }

    /// Where each sentence sits in `text`, found in order; nil if one is not there verbatim.
    static func spans(of sentences: [String], in text: String) -> [Range<String.Index>]? {
        var spans: [Range<String.Index>] = []
        var cursor = text.startIndex
        for sentence in sentences {
            guard let range = text.range(of: sentence, range: cursor..<text.endIndex) else { return nil }
            spans.append(range)
            cursor = range.upperBound
        }
        return spans
    }

    /// The diff as text: `-` lines from the draft, `+` lines from the rewrite, `  why:` lines with each edit's
    /// reason, a blank line between changes.
    public var unified: String {
        let kept = changes.map { c in
            (c.before.map { "- " + $0 } + c.after.map { "+ " + $0 } + c.reasons.map { "  why: " + $0 }).joined(separator: "\n")
        }
        let tried = notKept.map { c in
            (c.before.map { "  kept: " + $0 } + c.after.map { "  tried: " + $0 } + c.reasons.map { "  not kept: " + $0 })
                .joined(separator: "\n")
        }
        return (kept + tried).joined(separator: "\n\n")
    }

    /// The same diff with each change carrying the reasons of the edits whose result lies inside it.
    public static func between(_ draft: String, _ rewritten: String, edits: [ShapingEdit]) -> RewriteDiff {
        var diff = between(draft, rewritten)
        let kept = edits.filter { !$0.kind.hasPrefix("not kept") }
        // A refused stretch's edits form a chain (a contraction, then a split of the contracted sentence): each
        // next edit starts from the previous one's result, which is not in the text either. Shown as one change from
        // what the text keeps to what was tried, with every edit's reason, so the "kept" line is never a sentence the
        // rewrite does not contain.
        for edit in edits where edit.kind.hasPrefix("not kept") {
            let reason = edit.kind.dropFirst("not kept: ".count) + ": " + edit.reason
            if let last = diff.notKept.indices.last, diff.notKept[last].after == [edit.before] {
                diff.notKept[last].after = [edit.after]
                diff.notKept[last].reasons.append(reason)
            } else {
                diff.notKept.append(Change(before: [edit.before], after: [edit.after], reasons: [reason]))
            }
        }
        for i in diff.changes.indices {
            let after = diff.changes[i].after.joined(separator: " ")
            var seen = Set<String>()
            for edit in kept where RewriteDiff.overlaps(edit.after, after) {
                let line = edit.kind + ": " + edit.reason
                if seen.insert(line).inserted { diff.changes[i].reasons.append(line) }
            }
        }
        return diff
    }

    /// True when the edit's result and the changed text share a sentence.
    static func overlaps(_ edited: String, _ changed: String) -> Bool {
        if changed.contains(edited) || edited.contains(changed) { return true }
        return sentences(edited).contains { !$0.isEmpty && changed.contains($0) }
    }

    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        for block in text.components(separatedBy: "\n") where !block.trimmingCharacters(in: .whitespaces).isEmpty {
            let pieces = SentenceSplitter.sentences(in: block)
            out.append(contentsOf: pieces.isEmpty ? [block.trimmingCharacters(in: .whitespaces)] : pieces)
        }
        return out
    }
}
