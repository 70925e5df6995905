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
    /// The closing lines ("Cheers,", "Dana").
    var signOff: [String]
    /// Share of the kind's samples that use at least one hashtag, and the writer's most used emoji there.
    var hashtagShare: Double
    var emoji: String?
    var emojiShare: Double
    /// "I" or "We": who the writer's sentences are about, for notes written without a subject ("shipped v2").
    var subjectPronoun: String
    /// How the writer joins two clauses in one sentence, most used first.
    var joiner: SentenceShaper.Joiner
    /// Median sentence length in words, over the kind's samples (all samples when the kind has none).
    var medianSentenceWords: Double
    /// Sentences per paragraph.
    var sentencesPerParagraph: Double
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

        var greetings: [String: Int] = [:], signOffs: [[String]: Int] = [:]
        if !ofKind.isEmpty {
            for text in ofKind.map({ Self.body($0.text) }) {
                if let g = Self.greeting(in: text) { greetings[g, default: 0] += 1 }
                let s = Self.signOff(in: text)
                if !s.isEmpty { signOffs[s, default: 0] += 1 }
            }
        }
        // Most frequent; ties to the shortest, then alphabetical, so the same samples always frame the same way.
        greeting = greetings.sorted { ($0.value, -$0.key.count, $1.key) > ($1.value, -$1.key.count, $0.key) }.first?.key
        signOff = signOffs.sorted { a, b in
            (a.value, -a.key.joined().count, b.key.joined()) > (b.value, -b.key.joined().count, a.key.joined())
        }.first?.key ?? []
        self.greetings = greetings
        contractionShare = RewriteStyle.contractionShare(bodies)

        hashtagShare = pool.isEmpty ? 0
            : Double(bodies.filter { $0.range(of: #"(^|\s)#[A-Za-z]\w+"#, options: .regularExpression) != nil }.count)
                / Double(pool.count)
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
        var paragraphSizes: [Int] = []
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
                let sentences = SentenceSplitter.sentences(in: prose)
                if !sentences.isEmpty { paragraphSizes.append(sentences.count) }
                for sentence in sentences {
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
        sentencesPerParagraph = paragraphSizes.isEmpty ? 3
            : Double(paragraphSizes.reduce(0, +)) / Double(paragraphSizes.count)
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
        return words[0] + " {name}" + String(first.last!)
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

    /// The closing lines: up to two short lines (at most five words each) after the last sentence.
    static func signOff(in body: String) -> [String] {
        let lines = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var out: [String] = []
        for line in lines.reversed() {
            let words = line.split(separator: " ").count
            guard words <= 5, out.count < 2, !line.hasPrefix("-"), !line.hasPrefix("#"),
                  !line.hasSuffix("."), !line.hasSuffix("?"), !line.hasSuffix(":") else { break }
            if line.lowercased().hasPrefix("p.s") { break }
            out.insert(line, at: 0)
        }
        // A lone line ending "," without a name after it, or a bare short sentence, is not a sign-off.
        if out.count == 1, out[0].hasSuffix("!") { return [] }
        return out
    }
}
