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

    /// Aligns the two texts' sentences by longest common subsequence and groups the differences.
    public static func between(_ draft: String, _ rewritten: String) -> RewriteDiff {
        let a = sentences(draft), b = sentences(rewritten)
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var changes: [Change] = []
        var pending = Change(before: [], after: [])
        func flush() {
            if pending.before.count == pending.after.count {
                // Sentence for sentence: show each edit next to its original.
                for (old, new) in zip(pending.before, pending.after) { changes.append(Change(before: [old], after: [new])) }
            } else {
                changes.append(pending)
            }
            pending = Change(before: [], after: [])
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                flush()
                i += 1; j += 1
            } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                pending.after.append(b[j]); j += 1
            } else {
                pending.before.append(a[i]); i += 1
            }
        }
        flush()
        return RewriteDiff(changes: changes)
    }

    /// The diff as text: `-` lines from the draft, `+` lines from the rewrite, `  why:` lines with each edit's
    /// reason, a blank line between changes.
    public var unified: String {
        changes.map { c in
            (c.before.map { "- " + $0 } + c.after.map { "+ " + $0 } + c.reasons.map { "  why: " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// The same diff with each change carrying the reasons of the edits whose result lies inside it.
    public static func between(_ draft: String, _ rewritten: String, edits: [ShapingEdit]) -> RewriteDiff {
        var diff = between(draft, rewritten)
        for i in diff.changes.indices {
            let after = diff.changes[i].after.joined(separator: " ")
            var seen = Set<String>()
            for edit in edits where RewriteDiff.overlaps(edit.after, after) {
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
