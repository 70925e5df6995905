import Foundation
import VoiceCloneAnalysis
import VoiceCloneText

extension NotesDrafter {
    /// Without notes: how this writer builds this kind of piece (hook, points, close), as `[placeholders]` to fill,
    /// measured from their samples of the same kind. Nothing in it pretends to be content.
    public func skeleton(topic: String, request: GenerationRequest) -> GeneratedPiece {
        let platform = request.platform
        let kind = Self.contentType(for: platform)
        let habits = WriterHabits(samples: samples, kind: kind)
        let pool = kind.map { k in samples.filter { $0.contentType == k } }.flatMap { $0.isEmpty ? nil : $0 } ?? samples
        let bodies = pool.map { WriterHabits.body($0.text) }
        let label = kind?.rawValue ?? "piece"
        let plural = pool.count == 1 ? "" : "s"

        var hookWords: [Int] = [], questionHooks = 0, numberHooks = 0, iHooks = 0
        var closeQuestions = 0, paragraphCounts: [Int] = [], withLists = 0
        for body in bodies {
            let paragraphs = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            let prose = paragraphs.filter { WriterHabits.greeting(in: $0) == nil }
            paragraphCounts.append(prose.count)
            if body.split(separator: "\n").contains(where: { NotesOutline.bulletBody(String($0)) != nil }) { withLists += 1 }
            if let first = prose.first.flatMap({ SentenceSplitter.sentences(in: $0).first }) {
                hookWords.append(first.split(separator: " ").count)
                if first.hasSuffix("?") { questionHooks += 1 }
                if first.first?.isNumber == true { numberHooks += 1 }
                if first.hasPrefix("I ") || first.hasPrefix("I'") || first.hasPrefix("I’") { iHooks += 1 }
            }
            let closing = prose.last(where: { paragraph in
                !paragraph.split(separator: "\n").allSatisfy { WriterHabits.isNameLine(String($0)) || WriterHabits.isValediction(String($0)) }
            })
            if let last = closing.flatMap({ SentenceSplitter.sentences(in: $0).last }), last.hasSuffix("?") { closeQuestions += 1 }
        }
        let hookLength = hookWords.sorted().dropFirst(hookWords.count / 2).first ?? 10
        let points = max(2, min(5, (paragraphCounts.sorted().dropFirst(paragraphCounts.count / 2).first ?? 4) - 2))
        var hookKind = "a statement of about \(hookLength) words"
        let n = max(1, bodies.count)
        if questionHooks * 2 >= n { hookKind = "a question (\(questionHooks) of \(n) \(label)\(plural) open with one)" }
        else if numberHooks * 2 >= n { hookKind = "a number or figure (\(numberHooks) of \(n) open with one)" }
        else if iHooks * 2 >= n { hookKind = "an \"I\" sentence of about \(hookLength) words (\(iHooks) of \(n) open that way)" }

        var lines: [String] = []
        let about = topic.trimmingCharacters(in: .whitespacesAndNewlines)
        if platform.headings { lines.append("# [title: \(about.isEmpty ? "what it is about" : about), in sentence case]") }
        if platform.subjectLine { lines.append("Subject: [subject: \(about.isEmpty ? "what it is about" : about)]") }
        if let greeting = habits.greeting {
            lines.append(greeting.replacingOccurrences(of: "{name}", with: "[name]"))
        }
        lines.append("[hook: \(hookKind)\(about.isEmpty ? "" : ", about \(about)")]")
        for point in 1...points {
            var block = "[point \(point): \(Int(habits.sentencesPerParagraph.rounded())) sentences of about \(Int(habits.medianSentenceWords)) words]"
            if point == 1, withLists * 2 >= n, n > 0 {
                block += "\n" + (1...3).map { (habits.listMarker == "1." ? "\($0). " : "- ") + "[item]" }.joined(separator: "\n")
            }
            lines.append(block)
        }
        lines.append(closeQuestions * 2 >= n ? "[close: a question to the reader (\(closeQuestions) of \(n) close with one)]"
                                            : "[close: one short sentence]")
        if !habits.signOff.isEmpty { lines.append(habits.signOff.joined(separator: "\n")) }
        let tags = min(platform.hashtags, habits.usualHashtags)
        if tags > 0 { lines.append((1...tags).map { "#[topic\($0)]" }.joined(separator: " ")) }
        let text = lines.joined(separator: "\n\n")
        let warning = "No notes were given, so this is a skeleton of how \(pool.count) of the writer's \(label) sample\(plural) "
            + "are built, not a draft. Give the content as bullet points (--notes FILE, or one point per line in the prompt)."
        return GeneratedPiece(text: text, provider: name, model: Self.skeletonModel, platform: platform.name,
                              checks: [], longestCopiedRun: 0, warnings: [warning], seed: request.seed)
    }
}
