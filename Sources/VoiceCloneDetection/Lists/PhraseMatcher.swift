/// Finds list entries (single words or multi-word phrases) in a sentence's word sequence.
///
/// Entries are split into words the way the analysis tokenizer splits text, so "it's important to note" matches
/// "It’s important to note" and a phrase never matches across a word boundary ("realm" is not found in "realms").
package struct PhraseMatcher: Sendable {
    /// Entries by first word, each as its word sequence.
    private let byFirst: [String: [[String]]]
    package let isEmpty: Bool

    package init(_ entries: [String]) {
        var map: [String: [[String]]] = [:]
        for entry in entries {
            let words = entry.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            guard let first = words.first else { continue }
            map[first, default: []].append(words)
        }
        for key in map.keys { map[key]?.sort { $0.count > $1.count } }
        byFirst = map
        isEmpty = map.isEmpty
    }

    /// Non-overlapping matches, longest first at each position, as (word index, word count, entry text).
    package func matches(in words: [String]) -> [(start: Int, length: Int, phrase: String)] {
        var found: [(Int, Int, String)] = []
        var i = 0
        while i < words.count {
            var advanced = false
            if let candidates = byFirst[words[i]] {
                for c in candidates where i + c.count <= words.count && Array(words[i..<(i + c.count)]) == c {
                    found.append((i, c.count, c.joined(separator: " ")))
                    i += c.count
                    advanced = true
                    break
                }
            }
            if !advanced { i += 1 }
        }
        return found
    }

    /// The entry the words start with, if any (for sentence-opening transitions).
    package func prefix(of words: [String]) -> String? {
        guard let first = words.first, let candidates = byFirst[first] else { return nil }
        for c in candidates where c.count <= words.count && Array(words[0..<c.count]) == c {
            return c.joined(separator: " ")
        }
        return nil
    }
}
