import VoiceCloneAnalysis

/// Splits a text into the numbered posts of a thread ("1/4 ..."), at sentence ends, never inside a word.
///
/// A language model asked for a thread sometimes answers with one block of prose; this turns it into posts of
/// roughly even length within the per-post limit. A single sentence longer than a post is the only thing split
/// elsewhere, and then at a space. The offline engine builds its posts from whole sentences itself.
public enum ThreadSplitter {
    /// - Parameters:
    ///   - posts: the number of posts wanted (fewer when the text is short; more when it cannot fit).
    ///   - perPost: the character limit of a post, its "i/n " number included.
    public static func split(_ text: String, posts: Int, perPost: Int) -> [String] {
        let wanted = max(1, posts)
        let label = "\(wanted)/\(wanted) ".count
        let budget = max(20, perPost - label)
        var sentences: [String] = []
        for sentence in SentenceSplitter.sentences(in: text.split(whereSeparator: \.isNewline).joined(separator: " ")) {
            let trimmed = sentence.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            sentences += trimmed.count <= budget ? [trimmed] : atSpaces(trimmed, budget: budget)
        }
        var bodies: [String] = []
        var current = ""
        var remaining = sentences.reduce(0) { $0 + $1.count + 1 }
        for sentence in sentences {
            let postsLeft = max(1, wanted - bodies.count)
            let share = remaining / postsLeft
            let joined = current.isEmpty ? sentence : current + " " + sentence
            if !current.isEmpty && (joined.count > budget || (current.count >= share && postsLeft > 1)) {
                bodies.append(current)
                current = sentence
            } else {
                current = joined
            }
            remaining -= sentence.count + 1
        }
        if !current.isEmpty { bodies.append(current) }
        let count = bodies.count
        return bodies.enumerated().map { "\($0.offset + 1)/\(count) \($0.element)" }
    }

    /// A sentence longer than a post, cut at spaces into pieces that fit.
    static func atSpaces(_ sentence: String, budget: Int) -> [String] {
        var out: [String] = []
        var current = ""
        for word in sentence.split(separator: " ") {
            let joined = current.isEmpty ? String(word) : current + " " + word
            if joined.count > budget && !current.isEmpty {
                out.append(current)
                current = String(word)
            } else {
                current = joined
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
