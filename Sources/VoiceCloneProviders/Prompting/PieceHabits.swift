import Foundation
import VoiceCloneAnalysis
import VoiceCloneGeneration
import VoiceCloneText

/// A writer's habits as instructions for one piece: numbers a model can act on at this length ("about 3 dashes
/// in a piece this long", "most sentences 8 to 17 words"), and the shape of this kind of writing in their own
/// samples (greeting, sign-off, P.S., a closing question, headings, lists, emoji), each with how often it occurs.
///
/// Deliberately absent: readability grades and "commas per 1,000 words" (no model can count its way there), and
/// function words or tokenizer fragments as "characteristic words" (they invite caricature).
public struct PieceHabits: Sendable {
    public var dna: VoiceDNA?
    /// The samples of the kind of writing asked for (the pool exemplars come from).
    public var samples: [AnalysisSample]
    /// Words the piece will have.
    public var targetWords: Int
    public var platform: Platform
    /// The name of the kind of writing, plural ("newsletters"), for the instructions.
    public var kindName: String

    public init(dna: VoiceDNA?, samples: [AnalysisSample], targetWords: Int, platform: Platform, kindName: String) {
        self.dna = dna
        self.samples = samples
        self.targetWords = targetWords
        self.platform = platform
        self.kindName = kindName
    }

    public func lines() -> [String] {
        var lines: [String] = []
        if let dna { lines += measured(dna) }
        lines += shape()
        if let q = dna?.qualitative {
            if !q.tone.isEmpty { lines.append("Tone: \(q.tone.joined(separator: ", ")).") }
            for item in q.dos.prefix(3) { lines.append("Do: \(item)") }
            for item in q.donts.prefix(3) { lines.append("Don't: \(item)") }
        }
        if lines.isEmpty { lines.append("Too little text to measure habits: follow the examples closely.") }
        return lines.map { "- " + $0 }
    }

    // MARK: - From the DNA

    func measured(_ dna: VoiceDNA) -> [String] {
        var lines: [String] = []
        let s = dna.sentences, words = dna.corpus.words
        if s.count >= 5 {
            let low = max(1, Int(s.percentiles.p25.rounded())), high = max(low + 1, Int(s.percentiles.p75.rounded()))
            lines.append("Sentences: most run \(low) to \(high) words; mix in short ones of \(max(1, Int(s.percentiles.p10.rounded()))) "
                + "words or fewer and the odd long one up to \(Int(s.percentiles.p90.rounded())). Do not make them uniform.")
        }
        let p = dna.punctuation
        let dashRate = p.emDash + p.enDash
        let dashes = Int((dashRate * Double(targetWords) / 1000).rounded())
        let mark = p.enDash > p.emDash ? "spaced en dashes ( – )" : "em dashes (—)"
        if dashRate < 0.3 && words >= 1500 {
            lines.append("Dashes: none; use commas, colons or full stops instead.")
        } else if dashes == 0 {
            lines.append("Dashes: at most one in a piece this long.")
        } else {
            lines.append("Dashes: about \(dashes) \(mark) in a piece this long (\(targetWords) words).")
        }
        let semicolons = Int((p.semicolon * Double(targetWords) / 1000).rounded())
        if p.semicolon < 0.3 && words >= 1500 { lines.append("Semicolons: none.") }
        else if semicolons >= 1 { lines.append("Semicolons: about \(semicolons) in a piece this long.") }
        let c = dna.lexical.contractionsPerThousand
        if c >= 15 { lines.append("Contractions: yes (don't, it's, I'm), wherever they fit.") }
        else if c < 3 && words >= 1000 { lines.append("Contractions: no; write \"do not\", \"it is\".") }
        else { lines.append("Contractions: now and then, not everywhere.") }
        let pr = dna.pronouns
        if pr.firstSingular >= max(pr.firstPlural, pr.second) && pr.firstSingular >= 10 {
            lines.append("Voice: first person (I, my)" + (pr.second >= 8 ? ", talking to the reader as \"you\"." : "."))
        } else if pr.firstPlural > pr.firstSingular && pr.firstPlural >= 10 {
            lines.append("Voice: \"we\" more than \"I\".")
        } else if pr.second >= 15 {
            lines.append("Voice: addresses the reader as \"you\".")
        }
        if s.count >= 20 {
            let questions = Int((s.questionShare * Double(targetWords) / max(1, s.meanLength)).rounded())
            if s.questionShare >= 0.04 && questions >= 1 { lines.append("Questions: about \(questions) in a piece this long.") }
            else if s.questionShare < 0.01 { lines.append("Questions: almost none.") }
            if s.exclamationShare < 0.005 { lines.append("Exclamation marks: none.") }
        }
        switch dna.spelling.preference {
        case "us": lines.append("Spelling: American (color, organize).")
        case "uk": lines.append("Spelling: British (colour, organise).")
        default: break
        }
        let words8 = dna.signature.distinctiveWords.map(\.term).filter(Self.isContentWord).prefix(6)
        if !words8.isEmpty {
            lines.append("Words of theirs to use if they fit naturally (never forced): \(words8.joined(separator: ", ")).")
        }
        return lines
    }

    /// A real word worth naming: letters only (no "a.m", "ms", digits, contractions), four letters or more, not a
    /// function word.
    static func isContentWord(_ term: String) -> Bool {
        term.count >= 4 && term.allSatisfy { $0.isLetter || $0 == "-" } && !term.contains(" ")
            && !StopWords.all.contains(term.lowercased()) && !StopWords.instructionWords.contains(term.lowercased())
    }

    // MARK: - From the samples of this kind

    func shape() -> [String] {
        let shapes = samples.map { SampleShape($0.text) }
        guard !shapes.isEmpty else { return [] }
        let n = shapes.count
        var lines: [String] = []
        func share(_ count: Int) -> String { "\(count) of \(n) \(kindName)" }
        if platform.subjectLine {
            let subjects = SubjectLineHabits(samples: samples)
            if let example = subjects.examples.first {
                lines.append("Subject line: about \(subjects.medianWords) words, in \(subjects.style == .title ? "Title Case" : "sentence case"), "
                    + "like their \"\(example)\".")
            }
        }
        let greetings = shapes.compactMap(\.greeting)
        if greetings.count * 2 >= n && !greetings.isEmpty {
            lines.append("Opening: a greeting line, as in \(share(greetings.count)): \"\(Self.mostCommon(greetings))\".")
        } else if n >= 2 && greetings.isEmpty && platform.subjectLine == false {
            lines.append("Opening: no greeting; start straight in.")
        }
        let signOffs = shapes.compactMap(\.signOff)
        if signOffs.count * 2 >= n && !signOffs.isEmpty {
            lines.append("Closing: a sign-off, as in \(share(signOffs.count)): \"\(Self.mostCommon(signOffs))\".")
        } else if n >= 2 && signOffs.isEmpty {
            lines.append("Closing: no sign-off line.")
        }
        let ps = shapes.filter(\.hasPS).count
        if ps * 2 >= n && ps > 0 { lines.append("P.S.: add one after the sign-off, as in \(share(ps)).") }
        else if n >= 2 && ps == 0 { lines.append("P.S.: none.") }
        let closingQuestions = shapes.filter(\.endsWithQuestion).count
        if closingQuestions * 2 >= n && closingQuestions > 0 {
            lines.append("End the body with a question to the reader, as in \(share(closingQuestions)).")
        }
        let withHeadings = shapes.filter { $0.headings > 0 }.count
        if withHeadings * 2 >= n && withHeadings > 0 {
            let style = HeadingStyle.detect(in: samples.map(\.text)) ?? .sentence
            lines.append("Headings: yes, in \(style == .title ? "Title Case" : "sentence case") (\(share(withHeadings)) have them).")
        } else if !platform.headings && n >= 2 {
            lines.append("Headings: none.")
        } else if platform.headings {
            let style = HeadingStyle.detect(in: samples.map(\.text)) ?? .sentence
            lines.append("Headings: \(style == .title ? "Title Case" : "sentence case").")
        }
        let bullets = shapes.compactMap(\.bulletMarker)
        if bullets.count * 2 >= n && !bullets.isEmpty {
            let marker = Self.mostCommon(bullets)
            lines.append("Lists: yes, with \"\(marker)\" items, as in \(share(bullets.count)).")
        } else if bullets.isEmpty && n >= 2 {
            lines.append("Lists: none; write in paragraphs.")
        }
        let emoji = shapes.map(\.emoji).reduce(0, +), hashtags = shapes.map(\.hashtags).reduce(0, +)
        if emoji == 0 && n >= 2 { lines.append("Emoji: none.") }
        else if emoji > 0 { lines.append("Emoji: about \(max(1, Int((Double(emoji) / Double(n)).rounded()))) per piece.") }
        if platform.hashtags > 0 {
            if hashtags == 0 && n >= 2 { lines.append("Hashtags: the writer rarely uses them; keep to the fewest the platform expects.") }
        } else if hashtags == 0 && n >= 2 {
            lines.append("Hashtags: none.")
        }
        let paragraphWords = shapes.flatMap(\.paragraphWords).sorted()
        if paragraphWords.count >= 4 {
            let median = paragraphWords[paragraphWords.count / 2]
            lines.append("Paragraphs: about \(median) words each, as in their \(kindName).")
        }
        return lines
    }

    static func mostCommon(_ items: [String]) -> String {
        var counts: [String: Int] = [:]
        for item in items { counts[item, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key ?? ""
    }
}

/// The shape of one sample: how it opens and closes, and its Markdown furniture.
struct SampleShape {
    var greeting: String?
    var signOff: String?
    var hasPS = false
    var endsWithQuestion = false
    var headings = 0
    var bulletMarker: String?
    var emoji = 0
    var hashtags = 0
    var paragraphWords: [Int] = []

    static let greetingWords = ["hello", "hi", "hey", "dear", "good morning", "good evening", "greetings", "howdy",
                                "morning", "evening", "welcome", "happy"]
    static let signOffWords = ["until", "cheers", "best", "thanks", "thank you", "love", "yours", "warmly", "regards",
                               "talk soon", "see you", "xo", "onwards", "more soon", "take care", "with love", "all the best",
                               "speak soon", "till", "bye", "ciao", "peace", "—", "-", "~"]

    init(_ text: String) {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // An email's subject line is not its opening.
        if text.lowercased().hasPrefix("subject:") {
            text = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().joined()
        }
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var prose: [String] = []
        for block in blocks {
            let lines = block.split(separator: "\n")
            headings += lines.filter { HeadingStyle.isHeading($0) }.count
            for line in lines {
                let t = line.trimmingCharacters(in: .whitespaces)
                for marker in ["- ", "* ", "• "] where t.hasPrefix(marker) && bulletMarker == nil { bulletMarker = String(marker.first!) }
                if bulletMarker == nil, t.range(of: #"^\d+[.)] "#, options: .regularExpression) != nil { bulletMarker = "1." }
            }
            if HeadingStyle.isHeading(block) && lines.count == 1 { continue }
            prose.append(block)
        }
        for scalar in text.unicodeScalars where scalar.properties.isEmojiPresentation { emoji += 1 }
        hashtags = text.split(whereSeparator: \.isWhitespace).filter { $0.count > 1 && $0.hasPrefix("#") && $0.dropFirst().first?.isLetter == true }.count
        var body = prose
        // A closing line of hashtags is the platform's furniture, not how the piece ends.
        while let last = body.last, last.split(whereSeparator: \.isWhitespace).allSatisfy({ $0.hasPrefix("#") }) { body.removeLast() }
        // P.S. blocks at the end.
        while let last = body.last, Self.isPS(last) { hasPS = true; body.removeLast() }
        if let last = body.last, Self.isSignOff(last), body.count > 1 {
            signOff = Self.oneLine(last)
            body.removeLast()
        }
        if let first = body.first, Self.isGreeting(first), body.count > 1 {
            greeting = Self.oneLine(first.split(separator: "\n").first.map(String.init) ?? first)
        }
        if let last = body.last { endsWithQuestion = last.trimmingCharacters(in: CharacterSet(charactersIn: " *_\"”")).hasSuffix("?") }
        paragraphWords = body.filter { !$0.hasPrefix("#") && !$0.hasPrefix("-") && !$0.hasPrefix("*") }.map(WordCount.count)
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    static func isPS(_ block: String) -> Bool {
        let lower = block.lowercased()
        return lower.hasPrefix("p.s") || lower.hasPrefix("ps ") || lower.hasPrefix("ps:") || lower.hasPrefix("p. s.")
            || lower.hasPrefix("*p.s") || lower.hasPrefix("p.p.s")
    }

    static func isGreeting(_ block: String) -> Bool {
        let firstLine = block.split(separator: "\n").first.map(String.init) ?? block
        let lower = firstLine.lowercased()
        guard WordCount.count(firstLine) <= 8 else { return false }
        return greetingWords.contains { lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ",") || lower.hasPrefix($0 + "!") || lower == $0 }
    }

    static func isSignOff(_ block: String) -> Bool {
        guard WordCount.count(block) <= 10, !block.hasSuffix("?") else { return false }
        let lower = block.lowercased()
        return signOffWords.contains { lower.hasPrefix($0) } || block.contains(",\n")
    }
}
