import Foundation
import VoiceCloneAnalysis
import VoiceCloneText

/// The framing habits the notes drafter adds around the notes' content, measured from the writer's own samples of
/// the same kind of writing (an email greeting never lands in a LinkedIn post).
struct WriterHabits: Sendable {
    /// "Hi {name}," / "Dear all," — `{name}` where the sample greeted a person; the most used one.
    var greeting: String?
    /// Every greeting of the kind's samples with how often it was used, to pick one that fits the recipient.
    var greetings: [String: Int]
    /// Share of contraction sites the writer contracts in these samples, when there are enough to tell.
    var contractionShare: Double?
    /// The closing lines as this writer signs this kind of writing ("Until next week, with love," / "M."), or none
    /// when fewer than half of the kind's samples close that way (or there are no samples of the kind).
    var signOff: [String]
    /// Share of the kind's samples that use at least one hashtag, and the writer's most used emoji there.
    var hashtagShare: Double
    /// How many hashtags this writer puts on a piece of this kind: the median over the kind's samples (all samples
    /// when the kind has none), so 0 for a writer who never uses them.
    var usualHashtags: Int
    /// Every hashtag the writer has used in any sample, as they spell it ("B2B", "coldcalling"), with how often.
    var knownHashtags: [String: Int]
    /// The tags this writer puts on more than half of their pieces of this kind ("B2B" on a sales VP's posts), in
    /// their most used spelling, most used first: part of their frame, like a sign-off.
    var habitualHashtags: [String]
    var emoji: String?
    var emojiShare: Double
    /// "I" or "We": who the writer's sentences are about, for notes written without a subject ("shipped v2").
    var subjectPronoun: String
    /// How the writer joins two clauses in one sentence, most used first.
    var joiner: SentenceShaper.Joiner
    /// Median sentence length in words, over the kind's samples (all samples when the kind has none).
    var medianSentenceWords: Double
    /// Sentences per paragraph of prose (greeting, sign-off, P.S. and hashtag lines are not paragraphs).
    var sentencesPerParagraph: Double
    /// Median words per paragraph of prose, counted the same way: how long this writer lets a paragraph run in
    /// this kind of writing before a break (a LinkedIn writer of one-line paragraphs has a short one).
    var paragraphWords: Double
    /// Connective openers the writer starts sentences with ("So", "And", "But"), with their share of sentences.
    var openers: [(word: String, share: Double)]
    /// List marker the writer uses for lists ("-", "1.").
    var listMarker: String
    /// How many samples of the content type there were (0: habits come from all samples).
    var kindSamples: Int

    /// Connectives that frame without adding content; only these are added as openers.
    static let neutralOpeners: Set<String> = ["so", "and", "now", "also", "plus", "but"]

    static let groupWords: Set<String> = ["all", "everyone", "everybody", "team", "folks", "friends", "both", "there", "y'all"]
    static let greetingWords: Set<String> = ["hi", "hello", "hey", "dear", "morning", "hiya", "greetings"]

    init(samples: [AnalysisSample], kind: ContentType?) {
        let ofKind = kind.map { k in samples.filter { $0.contentType == k } } ?? []
        kindSamples = ofKind.count
        let pool = ofKind.isEmpty ? samples : ofKind
        let bodies = pool.map { Self.body($0.text) }

        // Greetings and sign-offs come only from samples of this very kind: a newsletter's "with love, M." never
        // closes a LinkedIn post, and a kind with no samples gets none rather than an invented one.
        var greetings: [String: Int] = [:], valedictions: [String: Int] = [:], names: [String: Int] = [:]
        var greeted = 0, closed = 0
        for text in ofKind.map({ Self.body($0.text) }) {
            if let g = Self.greeting(in: text) { greetings[g, default: 0] += 1; greeted += 1 }
            let closing = Self.closing(in: text)
            if closing.valediction != nil || closing.name != nil { closed += 1 }
            if let v = closing.valediction { valedictions[v, default: 0] += 1 }
            if let n = closing.name { names[n, default: 0] += 1 }
        }
        // A habit is what at least half of the kind's samples do.
        if greeted * 2 < ofKind.count { greetings = [:] }
        // Most frequent; ties to the shortest, then alphabetical, so the same samples always frame the same way.
        func mostUsed(_ counts: [String: Int]) -> String? {
            counts.sorted { ($0.value, -$0.key.count, $1.key) > ($1.value, -$1.key.count, $0.key) }.first?.key
        }
        greeting = mostUsed(greetings)
        var closingLines: [String] = []
        if closed > 0, closed * 2 >= ofKind.count {
            let withValediction = valedictions.values.reduce(0, +), withName = names.values.reduce(0, +)
            if withValediction * 2 >= closed, let v = mostUsed(valedictions) { closingLines.append(v) }
            if withName * 2 >= closed, let n = mostUsed(names) { closingLines.append(n) }
        }
        signOff = closingLines
        self.greetings = greetings
        contractionShare = RewriteStyle.contractionShare(bodies)

        hashtagShare = pool.isEmpty ? 0
            : Double(bodies.filter { $0.range(of: #"(^|\s)#[A-Za-z]\w+"#, options: .regularExpression) != nil }.count)
                / Double(pool.count)
        let tagCounts = bodies.map { Self.hashtags(in: $0).count }.sorted()
        usualHashtags = tagCounts.isEmpty ? 0 : tagCounts[(tagCounts.count - 1) / 2]
        var known: [String: Int] = [:]
        for sample in samples { for tag in Self.hashtags(in: Self.body(sample.text)) { known[tag, default: 0] += 1 } }
        knownHashtags = known
        // Only the kind's own samples, as with sign-offs: a newsletter's tags are no habit of this writer's posts.
        var piecesWith: [String: Int] = [:], spellings: [String: [String: Int]] = [:]
        for text in ofKind.map({ Self.body($0.text) }) {
            let tags = Self.hashtags(in: text)
            for tag in Set(tags.map { $0.lowercased() }) { piecesWith[tag, default: 0] += 1 }
            for tag in tags { spellings[tag.lowercased(), default: [:]][tag, default: 0] += 1 }
        }
        habitualHashtags = piecesWith.filter { $0.value * 2 > ofKind.count }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .compactMap { entry in spellings[entry.key]?.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key }
        var emojiCounts: [String: Int] = [:]
        var withEmoji = 0
        for text in bodies {
            var seen = false
            for ch in text where ch.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) {
                emojiCounts[String(ch), default: 0] += 1
                seen = true
            }
            if seen { withEmoji += 1 }
        }
        emoji = emojiCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
        emojiShare = pool.isEmpty ? 0 : Double(withEmoji) / Double(pool.count)

        var sentenceLengths: [Int] = []
        var openerCounts: [String: Int] = [:]
        var i = 0, we = 0
        var joins: [SentenceShaper.Joiner: Int] = [:]
        var numbered = 0, dashed = 0
        for text in bodies {
            for paragraph in text.components(separatedBy: "\n\n") {
                let lines = paragraph.split(separator: "\n")
                numbered += lines.filter { $0.range(of: #"^\d+[.)] "#, options: .regularExpression) != nil }.count
                dashed += lines.filter { $0.hasPrefix("- ") || $0.hasPrefix("* ") }.count
                let prose = lines.filter { NotesOutline.bulletBody(String($0)) == nil && !$0.hasPrefix("#") }
                    .joined(separator: " ")
                for sentence in SentenceSplitter.sentences(in: prose) {
                    let words = sentence.split(whereSeparator: \.isWhitespace)
                    sentenceLengths.append(words.count)
                    if let first = words.first {
                        let key = first.lowercased().trimmingCharacters(in: .punctuationCharacters)
                        if Self.neutralOpeners.contains(key) { openerCounts[key, default: 0] += 1 }
                    }
                    for word in words {
                        let w = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
                        if w == "i" || w.hasPrefix("i'") || w.hasPrefix("i’") { i += 1 }
                        if w == "we" || w.hasPrefix("we'") || w.hasPrefix("we’") { we += 1 }
                    }
                    if sentence.contains(", and ") { joins[.commaAnd, default: 0] += 1 }
                    if sentence.contains(" — ") || sentence.contains(" - ") { joins[.dash, default: 0] += 1 }
                    if sentence.contains("; ") { joins[.semicolon, default: 0] += 1 }
                }
            }
        }
        let sortedLengths = sentenceLengths.sorted()
        medianSentenceWords = sortedLengths.isEmpty ? 15 : Double(sortedLengths[sortedLengths.count / 2])
        // Paragraph lengths from the prose alone: "Hi Priya," and "Dana" are lines of the frame, and counting them as
        // two-word paragraphs would tell the drafter that this writer's paragraphs are shorter than they are.
        var paragraphSizes: [Int] = [], paragraphWordCounts: [Int] = []
        for text in bodies {
            for paragraph in Self.prose(text).components(separatedBy: "\n\n") {
                let lines = paragraph.split(separator: "\n")
                let prose = lines.filter { NotesOutline.bulletBody(String($0)) == nil && !$0.hasPrefix("#") }
                    .joined(separator: " ")
                let sentences = SentenceSplitter.sentences(in: prose)
                guard !sentences.isEmpty else { continue }
                paragraphSizes.append(sentences.count)
                paragraphWordCounts.append(WordCount.count(prose))
            }
        }
        sentencesPerParagraph = paragraphSizes.isEmpty ? 3
            : Double(paragraphSizes.reduce(0, +)) / Double(paragraphSizes.count)
        let sortedParagraphWords = paragraphWordCounts.sorted()
        paragraphWords = sortedParagraphWords.isEmpty ? 3 * medianSentenceWords
            : Double(sortedParagraphWords[sortedParagraphWords.count / 2])
        let total = max(1, sentenceLengths.count)
        openers = openerCounts.map { (word: $0.key, share: Double($0.value) / Double(total)) }
            .sorted { ($0.share, $1.word) > ($1.share, $0.word) }
        subjectPronoun = we > i ? "We" : "I"
        joiner = SentenceShaper.Joiner.allCases.max { (joins[$0] ?? 0, $1.rawValue) < (joins[$1] ?? 0, $0.rawValue) }
            ?? .commaAnd
        listMarker = numbered > dashed ? "1." : "-"
    }

    /// The sample without front matter or a leading `Subject:` line.
    static func body(_ text: String) -> String {
        var s = text
        s = String(FrontMatterBlock(s).body)
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.drop { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.lowercased().hasPrefix("subject:") }
        return kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The body without its frame: the greeting line, a P.S. and what follows it, closing hashtag lines and the
    /// sign-off lines (valediction and name), as `closing(in:)` reads them.
    static func prose(_ body: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if greeting(in: body) != nil, !lines.isEmpty { lines.removeFirst() }
        if let ps = lines.firstIndex(where: { $0.lowercased().hasPrefix("p.s") || $0.hasPrefix("PS ") }), ps > 0 {
            lines = Array(lines[..<ps])
        }
        func dropTrailing(_ drop: (String) -> Bool) {
            while let last = lines.last {
                let trimmed = last.trimmingCharacters(in: .whitespaces)
                guard trimmed.isEmpty || drop(trimmed) else { return }
                lines.removeLast()
            }
        }
        dropTrailing { line in line.split(separator: " ").allSatisfy { $0.hasPrefix("#") && $0.count > 1 && !$0.hasPrefix("# ") } }
        let closing = closing(in: lines.joined(separator: "\n"))
        if let name = closing.name { dropTrailing { $0 == name } }
        if let valediction = closing.valediction { dropTrailing { $0 == valediction } }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The opening line when it is a greeting ("Hi Priya," → "Hi {name},", "Dear all," stays).
    static func greeting(in body: String) -> String? {
        guard let first = body.split(separator: "\n").first.map(String.init) else { return nil }
        let words = first.split(separator: " ").map(String.init)
        guard (1...5).contains(words.count), first.hasSuffix(",") || first.hasSuffix("!"),
              let lead = words.first?.lowercased().trimmingCharacters(in: .punctuationCharacters) else { return nil }
        // "Team," / "All,": a group addressed with no greeting word.
        if words.count == 1, groupWords.contains(lead) || lead == "team" { return first }
        guard greetingWords.contains(lead) else { return nil }
        let rest = words.dropFirst().map { $0.trimmingCharacters(in: .punctuationCharacters) }
        if rest.isEmpty || rest.allSatisfy({ groupWords.contains($0.lowercased()) }) { return first }
        // "Hi Priya," greets a person, whose name changes from piece to piece; "Hello, dear readers," is the
        // writer's own words for their readers and stays as written.
        guard rest.allSatisfy({ $0.first?.isUppercase == true }) else { return first }
        return words[0].trimmingCharacters(in: CharacterSet(charactersIn: ",")) + " {name}" + String(first.last!)
    }

    /// The greeting to open with for `recipient`: the writer's most used greeting of the same sort (a person's
    /// name or a group), filled in; `[name]` when a person's greeting is the habit and the notes name nobody.
    func greeting(for recipient: String?) -> String? {
        guard !greetings.isEmpty else { return nil }
        let ranked = greetings.sorted { ($0.value, -$0.key.count, $1.key) > ($1.value, -$1.key.count, $0.key) }.map(\.key)
        guard let recipient else {
            return ranked.first.map { $0.replacingOccurrences(of: "{name}", with: "[name]") }
        }
        let isGroup = recipient.split(separator: " ").allSatisfy { Self.groupWords.contains($0.lowercased()) || $0.lowercased() == "team" }
        if isGroup, let group = ranked.first(where: { !$0.contains("{name}") }) {
            // The writer's own group greeting, addressed to this group ("Hey team," → "Hey all," for `to: all`).
            let words = group.split(separator: " ")
            let mark = String(group.last!)
            return words.count == 1 ? recipient.capitalized + mark : String(words[0]) + " " + recipient + mark
        }
        let personal = ranked.first { $0.contains("{name}") }
            ?? ranked.first.map { g in (g.split(separator: " ").first.map(String.init) ?? "Hi") + " {name}" + String(g.last!) }
        return personal?.replacingOccurrences(of: "{name}", with: recipient)
    }

    /// The closing lines of one piece as a list ("Until next week, with love," / "M."): the valediction and the
    /// name, when the piece has them.
    static func signOff(in body: String) -> [String] {
        let closing = closing(in: body)
        return [closing.valediction, closing.name].compactMap { $0 }
    }

    /// How a piece closes, read from its last lines after any P.S. and hashtag lines: the name or initial as the
    /// writer signs ("Dana", "M.", "— Rex"), and the valediction line before it ("Cheers,", "Until next week, with
    /// love,"); either may be missing. A last line that is a sentence is neither.
    static func closing(in body: String) -> (valediction: String?, name: String?) {
        var lines = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let ps = lines.firstIndex(where: { $0.lowercased().hasPrefix("p.s") || $0.hasPrefix("PS ") }), ps > 0 {
            lines = Array(lines[..<ps])
        }
        while let last = lines.last, !last.isEmpty,
              last.split(separator: " ").allSatisfy({ $0.hasPrefix("#") && $0.count > 1 && !$0.hasPrefix("# ") }) {
            lines.removeLast()
        }
        guard lines.count >= 2, let last = lines.last else { return (nil, nil) }
        if isNameLine(last) {
            let before = lines[lines.count - 2]
            return (isValediction(before) ? before : nil, last)
        }
        return (isValediction(last) ? last : nil, nil)
    }

    /// Words that close a letter without naming anyone ("Thanks", "Cheers"): a valediction, never a name.
    static let valedictionWords: Set<String> = [
        "thanks", "thank", "cheers", "best", "regards", "love", "warmly", "yours", "sincerely", "onwards", "ta",
        "later", "soon", "xx", "x", "bye", "talk",
    ]

    /// "Dana", "M.", "— Rex", "Marguerite H.": one to three capitalised words, an initial's full stop allowed.
    static func isNameLine(_ line: String) -> Bool {
        let stripped = line.trimmingCharacters(in: CharacterSet(charactersIn: "—–- "))
        let words = stripped.split(separator: " ")
        guard (1...3).contains(words.count) else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase,
                  !valedictionWords.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters)) else { return false }
            let letters = word.hasSuffix(".") ? word.dropLast() : word[...]
            // A full stop only after an initial ("M."), so "Legend." or "Thanks." are not names.
            if word.hasSuffix("."), letters.count != 1 { return false }
            guard letters.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }) else { return false }
        }
        return true
    }

    /// "Cheers,", "With much love, and a gentle pat for the knee,": a short line ending in a comma, or a single
    /// closing word ("Thanks!").
    static func isValediction(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard (1...12).contains(words.count), !line.contains(". "), !line.hasPrefix("-"), !line.hasPrefix("#") else { return false }
        if line.hasSuffix(",") { return true }
        return words.count <= 2 && (line.hasSuffix("!") || line.last?.isLetter == true)
            && valedictionWords.contains(words[0].lowercased().trimmingCharacters(in: .punctuationCharacters))
    }

    /// The hashtags of a text as written, without the "#" ("B2B", "coldcalling"); Markdown headings are not tags.
    static func hashtags(in text: String) -> [String] {
        var out: [String] = []
        let scalars = Array(text)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "#", i == 0 || scalars[i - 1].isWhitespace, i + 1 < scalars.count, scalars[i + 1].isLetter {
                var j = i + 1
                while j < scalars.count, scalars[j].isLetter || scalars[j].isNumber || scalars[j] == "_" { j += 1 }
                out.append(String(scalars[(i + 1)..<j]))
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}
