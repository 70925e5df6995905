import Foundation
import VoiceCloneText

/// Finds the habits in a writer's edits of saved drafts: words and phrases they cut, replace or add, sentences
/// they split or join, openings and closings they rewrite, punctuation and contraction shifts, and how much longer
/// or shorter they make pieces for each platform.
///
/// Pure and deterministic: the same pieces (in any order) give the same ``EditLessons``. A pattern becomes a lesson
/// only when seen in at least `minSupport` pieces and in at least `minShare` of the pieces where it could have
/// been seen, so one afternoon's whim does not become a rule.
public enum EditMiner {
    public static func lessons(from pieces: [EditedPiece], options: EditMiningOptions = .init()) -> EditLessons {
        let sorted = pieces.sorted { $0.id < $1.id }
        let observations = sorted.map { PieceObservation($0, options: options) }
        var lessons: [EditLesson] = []
        lessons += phraseLessons(observations, options: options)
        lessons += splitLessons(observations, options: options)
        lessons += joinLessons(observations, options: options)
        lessons += lengthLessons(observations, options: options)
        lessons.sort(by: order)
        return EditLessons(pieces: observations.count, editedPieces: observations.filter(\.edited).count,
                           minSupport: options.minSupport, lessons: lessons)
    }

    static func order(_ a: EditLesson, _ b: EditLesson) -> Bool {
        let kinds = EditLesson.Kind.allCases
        let ka = kinds.firstIndex(of: a.kind)!, kb = kinds.firstIndex(of: b.kind)!
        if ka != kb { return ka < kb }
        if a.support != b.support { return a.support > b.support }
        if (a.before ?? "") != (b.before ?? "") { return (a.before ?? "") < (b.before ?? "") }
        if (a.after ?? "") != (b.after ?? "") { return (a.after ?? "") < (b.after ?? "") }
        return (a.platform ?? "") < (b.platform ?? "")
    }

    static func qualifies(support: Int, opportunities: Int, options: EditMiningOptions) -> Bool {
        support >= options.minSupport && opportunities > 0
            && Double(support) >= options.minShare * Double(opportunities) - 1e-9
    }

    // MARK: - Words, phrases, punctuation, openings and closings

    private struct GroupKey: Hashable {
        var kind: EditLesson.Kind
        var before: String
    }

    private static func phraseLessons(_ observations: [PieceObservation], options: EditMiningOptions) -> [EditLesson] {
        var groups: [GroupKey: [(piece: Int, event: PieceObservation.Event)]] = [:]
        for (p, observation) in observations.enumerated() {
            for event in observation.events {
                let key = GroupKey(kind: event.kind, before: event.kind == .add ? event.after : event.before)
                groups[key, default: []].append((p, event))
            }
        }
        var lessons: [EditLesson] = []
        for (key, items) in groups {
            let supporting = Set(items.map(\.piece))
            let opportunities = observations.filter { $0.couldShow(key.kind, phrase: key.before) }.count
            // A piece that shows the pattern could show it, whatever the draft check says.
            let possible = max(opportunities, supporting.count)
            guard qualifies(support: supporting.count, opportunities: possible, options: options) else { continue }
            var after: String?
            switch key.kind {
            case .replace, .punctuation, .contract, .expand:
                var counts: [String: Set<Int>] = [:]
                for item in items { counts[item.event.after, default: []].insert(item.piece) }
                after = counts.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }?.key
            case .add:
                after = key.before
            default:
                after = nil
            }
            let before: String? = switch key.kind {
            case .add, .opening, .closing: nil
            default: key.before
            }
            lessons.append(EditLesson(kind: key.kind, before: before, after: after, support: supporting.count,
                                      opportunities: possible, examples: examples(items, observations, options)))
        }
        return lessons
    }

    private static func examples(_ items: [(piece: Int, event: PieceObservation.Event)], _ observations: [PieceObservation],
                                 _ options: EditMiningOptions) -> [EditExample] {
        var seen = Set<Int>()
        var out: [EditExample] = []
        for item in items.sorted(by: { $0.piece < $1.piece }) where !seen.contains(item.piece) {
            seen.insert(item.piece)
            out.append(EditExample(piece: observations[item.piece].id, before: item.event.exampleBefore,
                                   after: item.event.exampleAfter))
            if out.count >= options.maxExamples { break }
        }
        return out
    }

    // MARK: - Sentence splits and joins

    /// The length above which the writer splits: the threshold that best separates the sentences they split from
    /// those they kept (fewest misclassified; the highest such threshold, so the lesson claims no more than the
    /// evidence shows).
    static func splitThreshold(split: [Int], kept: [Int]) -> Int? {
        guard let longest = split.max() else { return nil }
        var best: (errors: Int, threshold: Int)?
        for t in 0..<longest {
            let errors = split.filter { $0 <= t }.count + kept.filter { $0 > t }.count
            if best == nil || errors <= best!.errors { best = (errors, t) }
        }
        return best?.threshold
    }

    private static func splitLessons(_ observations: [PieceObservation], options: EditMiningOptions) -> [EditLesson] {
        guard let threshold = splitThreshold(split: observations.flatMap { $0.splits.map(\.words) },
                                             kept: observations.flatMap(\.keptSentenceWords)) else { return [] }
        var support = 0, opportunities = 0
        var examples: [EditExample] = []
        for observation in observations {
            let splits = observation.splits.filter { $0.words > threshold }
            if !splits.isEmpty {
                support += 1
                if examples.count < options.maxExamples, let first = splits.first {
                    examples.append(EditExample(piece: observation.id, before: first.before, after: first.after))
                }
            }
            if !splits.isEmpty || observation.keptSentenceWords.contains(where: { $0 > threshold }) { opportunities += 1 }
        }
        guard qualifies(support: support, opportunities: opportunities, options: options) else { return [] }
        return [EditLesson(kind: .split, value: Double(threshold), support: support, opportunities: opportunities,
                           examples: examples)]
    }

    private static func joinLessons(_ observations: [PieceObservation], options: EditMiningOptions) -> [EditLesson] {
        guard let threshold = observations.flatMap({ $0.joins.map(\.words) }).max() else { return [] }
        var support = 0, opportunities = 0
        var examples: [EditExample] = []
        for observation in observations {
            if !observation.joins.isEmpty {
                support += 1
                if examples.count < options.maxExamples, let first = observation.joins.first {
                    examples.append(EditExample(piece: observation.id, before: first.before, after: first.after))
                }
            }
            if !observation.joins.isEmpty || observation.keptSentenceWords.contains(where: { $0 <= threshold }) {
                opportunities += 1
            }
        }
        guard qualifies(support: support, opportunities: opportunities, options: options) else { return [] }
        return [EditLesson(kind: .join, value: Double(threshold), support: support, opportunities: opportunities,
                           examples: examples)]
    }

    // MARK: - Length per platform

    private static func lengthLessons(_ observations: [PieceObservation], options: EditMiningOptions) -> [EditLesson] {
        var lessons: [EditLesson] = []
        let platforms = Set(observations.map(\.platform)).sorted()
        for platform in platforms {
            let here = observations.filter { $0.platform == platform && $0.draftWords > 0 }
            guard !here.isEmpty else { continue }
            let changes = here.map { Double($0.finalWords) / Double($0.draftWords) - 1 }
            let mean = changes.reduce(0, +) / Double(changes.count)
            guard abs(mean) >= 0.05 else { continue }
            let support = changes.filter { $0.sign == mean.sign && abs($0) >= 0.03 }.count
            guard qualifies(support: support, opportunities: here.count, options: options) else { continue }
            let examples = zip(here, changes).filter { $0.1.sign == mean.sign && abs($0.1) >= 0.03 }
                .prefix(options.maxExamples)
                .map { EditExample(piece: $0.0.id, before: "\($0.0.draftWords) words", after: "\($0.0.finalWords) words") }
            lessons.append(EditLesson(kind: .length, platform: platform, value: (mean * 1000).rounded() / 1000,
                                      support: support, opportunities: here.count, examples: Array(examples)))
        }
        return lessons
    }
}

/// What one piece's edits show, before they are counted across pieces.
struct PieceObservation {
    struct Event {
        var kind: EditLesson.Kind
        var before: String
        var after: String
        var exampleBefore: String
        var exampleAfter: String
    }

    struct SentenceEdit {
        var words: Int
        var before: String
        var after: String
    }

    let id: String
    let platform: String
    let draftWords: Int
    let finalWords: Int
    let edited: Bool
    let events: [Event]
    let splits: [SentenceEdit]
    let joins: [SentenceEdit]
    /// Lengths of the draft's sentences the writer left whole (most of their words kept, not split or joined).
    let keptSentenceWords: [Int]
    /// The draft's words (keys), for "did the draft have this phrase".
    let draftWordKeys: [String]
    /// The first one to four words of each draft sentence, joined by spaces.
    let sentenceOpeners: Set<String>
    let draftMarks: Set<String>

    init(_ piece: EditedPiece, options: EditMiningOptions) {
        id = piece.id
        platform = piece.platform.lowercased()
        let draftProse = Tokenizer.prose(fromMarkdown: piece.draft)
        let finalProse = Tokenizer.prose(fromMarkdown: piece.final)
        draftWords = WordCount.count(draftProse)
        finalWords = WordCount.count(finalProse)
        let diff = WordDiff(before: draftProse, after: finalProse)
        edited = !diff.hunks.isEmpty
        let before = diff.before, after = diff.after
        draftWordKeys = before.filter(\.isWord).map(\.key)
        draftMarks = Set(before.filter { $0.kind == .punctuation }.map(\.key))

        let sentences = Self.sentences(before)
        let afterSentences = Self.sentences(after)
        var sentenceOf = [Int](repeating: 0, count: before.count)
        for (s, range) in sentences.enumerated() { for i in range { sentenceOf[i] = s } }
        var openers = Set<String>()
        for range in sentences {
            let words = before[range].filter(\.isWord).map(\.key)
            for n in 1...max(1, min(4, words.count)) where n <= words.count { openers.insert(words.prefix(n).joined(separator: " ")) }
        }
        sentenceOpeners = openers

        func words(_ range: Range<Int>) -> Int { before[range].filter(\.isWord).count }
        func keptShare(_ range: Range<Int>) -> Double {
            let w = range.filter { before[$0].isWord }
            return w.isEmpty ? 1 : Double(w.filter { diff.matchInAfter[$0] != nil }.count) / Double(w.count)
        }
        /// The edited text of a draft sentence: from its first surviving token to its last.
        func afterSpan(_ range: Range<Int>) -> String {
            let mapped = range.compactMap { diff.matchInAfter[$0] }
            guard let lo = mapped.min(), let hi = mapped.max() else { return "" }
            return EditTokenizer.render(after[lo...hi])
        }
        /// A few words either side of a change, before and after it.
        func window(_ hunk: WordDiff.Hunk, sentence: Range<Int>) -> (String, String) {
            let lo = hunk.before.lowerBound, hi = hunk.before.upperBound
            var l = max(sentence.lowerBound, lo - 6)
            while l < lo && diff.matchInAfter[l] == nil { l += 1 }
            var r = min(sentence.upperBound, hi + 6) - 1
            while r >= hi && diff.matchInAfter[r] == nil { r -= 1 }
            let beforeText = EditTokenizer.render(before[l..<max(r + 1, hi)])
            let aStart = l < lo ? diff.matchInAfter[l]! : hunk.after.lowerBound
            let aEnd = r >= hi ? diff.matchInAfter[r]! + 1 : hunk.after.upperBound
            return (beforeText, aStart < aEnd ? EditTokenizer.render(after[aStart..<aEnd]) : "")
        }

        var events: [Event] = [], splits: [SentenceEdit] = [], joins: [SentenceEdit] = [], kept: [Int] = []
        var splitSentences = Set<Int>(), joinedSentences = Set<Int>()
        for hunk in diff.hunks {
            let removed = before[hunk.before], added = after[hunk.after]
            let s: Int
            if !hunk.before.isEmpty {
                s = sentenceOf[hunk.before.lowerBound]
            } else if hunk.before.lowerBound > 0 && !before[hunk.before.lowerBound - 1].endsSentence {
                s = sentenceOf[hunk.before.lowerBound - 1]
            } else if hunk.before.lowerBound < before.count {
                s = sentenceOf[hunk.before.lowerBound]
            } else {
                s = max(0, sentences.count - 1)
            }
            guard !sentences.isEmpty else { break }
            let endsRemoved = removed.filter(\.endsSentence).count, endsAdded = added.filter(\.endsSentence).count
            let removedWords = removed.filter(\.isWord).map(\.key), addedWords = added.filter(\.isWord).map(\.key)
            // A split puts a sentence end inside a draft sentence (its words on both sides); a new sentence added
            // before or after one is an addition, not a split.
            let (start, end) = (sentences[s].lowerBound, sentences[s].upperBound)
            let inside = hunk.before.lowerBound > start && hunk.before.upperBound < end
                && before[start..<hunk.before.lowerBound].contains(where: \.isWord)
                && before[hunk.before.upperBound..<end].contains(where: \.isWord)
            if endsAdded > endsRemoved && inside && addedWords.count <= options.maxPhraseWords {
                splitSentences.insert(s)
                // A word changed right at the split ("seamless, and" → "smooth.") is still a word choice.
                let lead = (Self.leadingWords(removed), Self.leadingWords(added))
                if !lead.0.isEmpty && !lead.1.isEmpty && lead.0 != lead.1 {
                    let (b, a) = window(hunk, sentence: sentences[s])
                    events.append(Event(kind: .replace, before: lead.0.joined(separator: " "),
                                        after: lead.1.joined(separator: " "), exampleBefore: b, exampleAfter: a))
                }
                continue
            }
            if endsRemoved > endsAdded && removedWords.count <= options.maxPhraseWords {
                let next = min(s + 1, sentences.count - 1)
                joinedSentences.formUnion([s, next])
                let range = sentences[s].lowerBound..<sentences[next].upperBound
                joins.append(SentenceEdit(words: max(words(sentences[s]), words(sentences[next])),
                                          before: EditTokenizer.render(before[range]), after: afterSpan(range)))
                continue
            }
            guard removedWords.count <= options.maxPhraseWords, addedWords.count <= options.maxPhraseWords else { continue }
            let (exampleBefore, exampleAfter) = window(hunk, sentence: sentences[s])
            func event(_ kind: EditLesson.Kind, _ b: String, _ a: String) {
                events.append(Event(kind: kind, before: b, after: a, exampleBefore: exampleBefore, exampleAfter: exampleAfter))
            }
            if removedWords.isEmpty && addedWords.isEmpty {
                let b = removed.filter { $0.kind == .punctuation }.map(\.key).joined()
                let a = added.filter { $0.kind == .punctuation }.map(\.key).joined()
                if b != a { event(.punctuation, b, a) }
            } else if addedWords.count == 1, Contractions.contracts(removedWords, to: addedWords[0]) {
                event(.contract, removedWords.joined(separator: " "), addedWords[0])
            } else if removedWords.count == 1, Contractions.contracts(addedWords, to: removedWords[0]) {
                event(.expand, removedWords[0], addedWords.joined(separator: " "))
            } else if addedWords.isEmpty {
                let phrase = removedWords.joined(separator: " ")
                let atStart = Self.opensSentence(before, at: hunk.before.lowerBound)
                event(atStart ? .cutSentenceStart : .cut, phrase, "")
            } else if removedWords.isEmpty {
                event(.add, "", addedWords.joined(separator: " "))
            } else {
                event(.replace, removedWords.joined(separator: " "), addedWords.joined(separator: " "))
            }
        }

        for (s, range) in sentences.enumerated() {
            let n = words(range)
            guard n > 0 else { continue }
            if splitSentences.contains(s) {
                splits.append(SentenceEdit(words: n, before: EditTokenizer.render(before[range]), after: afterSpan(range)))
            } else if !joinedSentences.contains(s) && keptShare(range) >= 0.5 {
                kept.append(n)
            }
        }
        // Openings and closings the writer rewrote: less than half of the sentence's words survive.
        if let first = sentences.first, let last = sentences.last, !diff.hunks.isEmpty {
            if keptShare(first) < 0.5 {
                let a = afterSentences.first.map { EditTokenizer.render(after[$0]) } ?? ""
                events.append(Event(kind: .opening, before: "", after: "", exampleBefore: EditTokenizer.render(before[first]),
                                    exampleAfter: a))
            }
            if sentences.count > 1, keptShare(last) < 0.5 {
                let survivors = Set(diff.matchInAfter.compactMap { $0 })
                let finalLast = afterSentences.last
                let a = finalLast.map { EditTokenizer.render(after[$0]) } ?? ""
                // Cut, not rewritten: the edited text now ends on a sentence the draft already had.
                let endsOnOldSentence = finalLast.map { range in
                    let w = range.filter { after[$0].isWord }
                    return !w.isEmpty && w.filter(survivors.contains).count * 2 > w.count
                } ?? true
                events.append(Event(kind: .closing, before: "", after: "", exampleBefore: EditTokenizer.render(before[last]),
                                    exampleAfter: endsOnOldSentence ? "" : a))
            }
        }
        self.events = events
        self.splits = splits
        self.joins = joins
        self.keptSentenceWords = kept
    }

    /// The words of a hunk's side before its first mark.
    static func leadingWords(_ tokens: ArraySlice<EditToken>) -> [String] {
        Array(tokens.prefix { $0.isWord }.map(\.key))
    }

    /// Whether the token at `index` opens a sentence (nothing but opening quotes or brackets between it and the
    /// previous sentence's end).
    static func opensSentence(_ tokens: [EditToken], at index: Int) -> Bool {
        var i = index - 1
        while i >= 0, tokens[i].kind == .punctuation, !tokens[i].endsSentence, "\"“'‘([*_".contains(tokens[i].text) { i -= 1 }
        return i < 0 || tokens[i].endsSentence
    }

    /// Token ranges of the sentences: each runs through its closing mark; a paragraph break ends one too.
    static func sentences(_ tokens: [EditToken]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, token) in tokens.enumerated() where token.endsSentence {
            if token.kind == .paragraph {
                if start < i { ranges.append(start..<i) }
                // The break belongs to the sentence before it, so a hunk on it finds a sentence.
                if let last = ranges.last, last.upperBound == i { ranges[ranges.count - 1] = last.lowerBound..<(i + 1) }
                start = i + 1
            } else {
                ranges.append(start..<(i + 1))
                start = i + 1
            }
        }
        if start < tokens.count { ranges.append(start..<tokens.count) }
        return ranges
    }

    /// Whether this piece could have shown a pattern: its draft had the phrase (or the mark, or the opener).
    func couldShow(_ kind: EditLesson.Kind, phrase: String) -> Bool {
        switch kind {
        case .replace, .cut, .expand, .contract:
            return Self.contains(draftWordKeys, phrase.split(separator: " ").map(String.init))
        case .cutSentenceStart:
            return sentenceOpeners.contains(phrase)
        case .punctuation:
            return phrase.isEmpty || phrase.map(String.init).allSatisfy(draftMarks.contains)
        case .add, .opening, .closing, .split, .join, .length:
            return true
        }
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}
