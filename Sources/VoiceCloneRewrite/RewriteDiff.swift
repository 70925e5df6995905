import VoiceCloneAnalysis

/// A sentence-level diff between a draft and its rewrite, for `rewrite --diff`: which sentences changed and how.
public struct RewriteDiff: Codable, Sendable, Equatable {
    public struct Change: Codable, Sendable, Equatable {
        /// Draft sentences removed or replaced (empty for a pure insertion).
        public var before: [String]
        /// Rewritten sentences in their place (empty for a pure deletion).
        public var after: [String]
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

    /// The diff as text: `-` lines from the draft, `+` lines from the rewrite, a blank line between changes.
    public var unified: String {
        changes.map { c in
            (c.before.map { "- " + $0 } + c.after.map { "+ " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n\n")
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
