import VoiceCloneAnalysis

/// The writer's edit lessons (the DNA's `edits` section) as instructions a language model can follow: explicit
/// do/don't lines, each with a before/after pair from the writer's own edits.
///
/// Kept apart from the prompt builder so the wording can change without touching how the prompt is assembled.
/// The line shapes are regular ("Don't write \"X\"; write \"Y\".") so tests and evaluation scripts can find them.
public enum EditLessonsPrompt {
    /// Longest example quoted, in characters; longer ones are cut at a word with "…".
    static let maxExampleCharacters = 180

    /// The section appended to the system message ("\n\n## What … changes in drafts" and its lines), or "" when
    /// the DNA holds no lessons. Length lessons are stated only for `platform`.
    public static func section(for dna: VoiceDNA?, writer: String, platform: String? = nil) -> String {
        let lines = self.lines(for: dna, platform: platform)
        guard !lines.isEmpty, let edits = dna?.edits else { return "" }
        return "\n\n## What \(writer) changes in drafts\n"
            + "Learned from \(edits.editedPieces) drafts \(writer) edited before approving them. Write it their way the first time:\n"
            + lines.joined(separator: "\n")
    }

    /// One "- Do …" or "- Don't …" line per lesson, in the DNA's order.
    public static func lines(for dna: VoiceDNA?, platform: String? = nil) -> [String] {
        guard let edits = dna?.edits else { return [] }
        return edits.lessons.compactMap { line(for: $0, platform: platform) }
    }

    /// The lessons for a rewrite or refine request: a heading line and the do/don't lines, or nothing.
    public static func rewriteLines(for dna: VoiceDNA?) -> [String] {
        let lines = self.lines(for: dna)
        return lines.isEmpty ? [] : ["What this writer changes in drafts (learned from their own edits):"] + lines
    }

    /// The phrases the writer cuts or replaces, for the avoid-list (with what they write instead).
    public static func avoidItems(for dna: VoiceDNA?) -> [(phrase: String, instead: String?)] {
        guard let edits = dna?.edits else { return [] }
        return edits.lessons.compactMap { lesson in
            guard let before = lesson.before, !before.isEmpty, before.contains(where: \.isLetter) else { return nil }
            switch lesson.kind {
            case .replace: return (before, lesson.after)
            case .cut: return (before, nil)
            case .cutSentenceStart: return ("\(before) (at the start of a sentence)", nil)
            default: return nil
            }
        }
    }

    static func line(for lesson: EditLesson, platform: String?) -> String? {
        let b = lesson.before ?? "", a = lesson.after ?? ""
        let rule: String
        switch lesson.kind {
        case .replace: rule = "Don't write \"\(b)\"; write \"\(a)\"."
        case .cut: rule = "Don't write \"\(b)\"; leave it out."
        case .cutSentenceStart: rule = "Don't start a sentence with \"\(b.capitalizedFirst)\"."
        case .add: rule = "Do use \"\(a)\" where it fits."
        case .split: rule = "Split any sentence over \(Int(lesson.value ?? 0)) words into shorter ones."
        case .join: rule = "Join very short sentences (up to \(Int(lesson.value ?? 0)) words) to a neighbour."
        case .opening: rule = "Do open the way they would: they rewrote openings like this."
        case .closing: rule = "Do end the way they would: they cut or rewrote closings like this."
        case .punctuation:
            if a.isEmpty { rule = "Don't use \"\(b)\"." }
            else if b.isEmpty { rule = "Do use \"\(a)\" where it fits." }
            else { rule = "Don't use \"\(b)\"; use \"\(a)\" instead." }
        case .contract: rule = "Do write \"\(a)\", not \"\(b)\"."
        case .expand: rule = "Do write \"\(a)\", not \"\(b)\"."
        case .length:
            guard let platform, lesson.platform == platform.lowercased(), let value = lesson.value else { return nil }
            let change = Int((abs(value) * 100).rounded())
            rule = "Do make it about \(change)% \(value < 0 ? "shorter" : "longer") than you otherwise would."
        }
        guard let example = lesson.examples.first, lesson.kind != .length else {
            return "- \(rule) (Seen in \(lesson.support) of \(lesson.opportunities) drafts.)"
        }
        let after = example.after.isEmpty ? "(cut)" : "\"\(clip(example.after))\""
        return "- \(rule) They changed \"\(clip(example.before))\" to \(after)."
    }

    static func clip(_ text: String) -> String {
        guard text.count > maxExampleCharacters else { return text }
        let cut = text.prefix(maxExampleCharacters)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
