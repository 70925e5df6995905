import Foundation
import VoiceCloneAnalysis

/// Measures every signal of one text. Rates come from the analysis layer (`VoiceAnalyzer.stats`) where it measures
/// the same thing (burstiness, MATTR, contractions, em dashes), so a text and a writer's DNA are measured alike.
package struct SignalMeter: Sendable {
    package let lexicon: DetectionLexicon

    /// Sentence-level evidence, kept for the per-sentence flags.
    package struct SentenceEvidence: Sendable {
        var tells: [String] = []
        var transition: String?
        var triads = 0
        var notJustBut = 0
        var hedges: [String] = []
        var signposts: [String] = []
        var emDashes = 0
    }

    package struct Result: Sendable {
        var measurements: [SignalMeasurement]
        var evidence: [SentenceEvidence]
        var document: DetectionDocument
        var words: Int
    }

    /// - Parameter habitual: phrases the writer uses in their own samples; they are not counted as evidence.
    package func measure(_ text: String, habitual: Set<String> = []) -> Result {
        let document = DetectionDocument(text)
        let profile = VoiceAnalyzer().stats(of: text)
        let prose = document.sentences.filter { $0.blockKind != .heading }
        let words = max(profile.words, document.wordCount)
        let evidence: [SentenceEvidence] = document.sentences.map { self.evidence(for: $0, habitual: habitual) }
        let proseEvidence = zip(document.sentences, evidence).filter { $0.0.blockKind != .heading }.map(\.1)
        let sentenceCount = Double(max(prose.count, 1))
        let per100 = words > 0 ? 100 / Double(words) : 0

        var m: [SignalMeasurement] = []
        let tells = Double(evidence.reduce(0) { $0 + $1.tells.count })
        let vocab = tells * per100
        m.append(.init(kind: .aiVocabulary, value: vocab, input: log1p(vocab), measurable: words > 0))

        let burst = profile.sentences.burstiness
        let burstOK = profile.sentences.count >= 3
        m.append(.init(kind: .lowBurstiness, value: burst, input: burstOK ? max(0, -burst) : 0, measurable: burstOK))

        let mattr = profile.lexical.mattr
        let mattrOK = profile.words >= 50
        m.append(.init(kind: .lowLexicalVariety, value: mattr, input: mattrOK ? max(0, 1 - mattr) : 0, measurable: mattrOK))

        let paragraphs = document.paragraphWordCounts.map(Double.init)
        let paraOK = paragraphs.count >= 3
        let paraCV = paraOK ? SignalMeter.coefficientOfVariation(paragraphs) : 0
        m.append(.init(kind: .uniformParagraphs, value: paraCV, input: paraOK ? max(0, 1 - paraCV) : 0, measurable: paraOK))

        let transitions = Double(proseEvidence.filter { $0.transition != nil }.count) / sentenceCount
        m.append(.init(kind: .stackedTransitions, value: transitions, input: transitions, measurable: !prose.isEmpty))

        let triads = Double(proseEvidence.reduce(0) { $0 + $1.triads }) / sentenceCount
        m.append(.init(kind: .ruleOfThree, value: triads, input: triads, measurable: !prose.isEmpty))

        let notJust = Double(proseEvidence.reduce(0) { $0 + $1.notJustBut }) / sentenceCount
        m.append(.init(kind: .notJustButY, value: notJust, input: notJust, measurable: !prose.isEmpty))

        let hedgeCount = evidence.reduce(0) { (n: Int, e: SentenceEvidence) in n + e.hedges.count + e.signposts.count }
        let hedges = Double(hedgeCount) * per100
        m.append(.init(kind: .hedgingSignposting, value: hedges, input: log1p(hedges), measurable: words > 0))

        let items = document.blocks.filter { $0.kind == .listItem }
        let emojiShare = items.isEmpty ? 0 : Double(items.filter(\.emojiMarker).count) / Double(items.count)
        m.append(.init(kind: .emojiBullets, value: emojiShare, input: emojiShare, measurable: !items.isEmpty))

        let headings = document.sentences.filter { $0.blockKind == .heading && $0.words.count >= 3 }
        let titled = headings.filter { SignalMeter.isTitleCase($0.text) }.count
        let titleShare = headings.isEmpty ? 0 : Double(titled) / Double(headings.count)
        m.append(.init(kind: .titleCaseHeadings, value: titleShare, input: titleShare, measurable: !headings.isEmpty))

        let dashes = profile.punctuation.emDash
        m.append(.init(kind: .emDashes, value: dashes, input: SignalMeter.dashInput(dashes), measurable: words > 0))

        let contractions = profile.lexical.contractionsPerThousand
        let contractionsOK = words >= 50
        m.append(.init(kind: .fewContractions, value: contractions,
                       input: contractionsOK ? max(0, 1 - contractions / 15) : 0, measurable: contractionsOK))
        let personal = SignalMeter.personalRate(profile)
        m.append(.init(kind: .impersonalVoice, value: personal, input: contractionsOK ? max(0, 1 - personal / 20) : 0,
                       measurable: contractionsOK))
        return Result(measurements: m, evidence: evidence, document: document, words: words)
    }

    /// Em dashes saturate: a text with ten per 1,000 words is no more machine-like than one with five.
    package static func dashInput(_ perThousand: Double) -> Double { min(1, log1p(perThousand / 2)) }

    /// First-person singular pronouns plus questions and exclamations, per 1,000 words.
    package static func personalRate(_ p: TextProfile) -> Double {
        p.pronouns.firstSingular + p.punctuation.question + p.punctuation.exclamation
    }

    // MARK: - Per-sentence evidence

    package func evidence(for sentence: DetectionSentence, habitual: Set<String> = []) -> SentenceEvidence {
        var e = SentenceEvidence()
        let words = sentence.words
        let phraseHits = lexicon.tellPhrases.matches(in: words)
        var covered = Set<Int>()
        for hit in phraseHits {
            e.tells.append(hit.phrase)
            for k in hit.start..<(hit.start + hit.length) { covered.insert(k) }
        }
        for hit in lexicon.tellWords.matches(in: words) where !covered.contains(hit.start) {
            e.tells.append(hit.phrase)
        }
        e.tells.removeAll { habitual.contains($0) }
        e.hedges = lexicon.hedges.matches(in: words).map(\.phrase).filter { !habitual.contains($0) }
        e.signposts = lexicon.signposts.matches(in: words).map(\.phrase).filter { !habitual.contains($0) }
        guard sentence.blockKind != .heading else { return e }
        e.transition = lexicon.transitions.prefix(of: words).flatMap { habitual.contains($0) ? nil : $0 }
        let lower = sentence.text.lowercased().replacingOccurrences(of: "’", with: "'")
        e.triads = SignalMeter.triads(in: lower)
        e.notJustBut = SignalMeter.notJustBut(in: lower)
        e.emDashes = SignalMeter.emDashCount(sentence.text)
        return e
    }

    /// Lists of exactly three items, "X, Y, and Z" or "X, Y and Z": a conjunction preceded by exactly one short
    /// comma-separated item and a first item; a longer series (four or more) does not count, unless
    /// `longerLists` (the Oxford-comma edit applies to a list of any length).
    package static func triads(in sentence: String, longerLists: Bool = false) -> Int {
        let segments = sentence.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard segments.count >= 2 else { return 0 }
        var count = 0
        var k = 1
        while k < segments.count {
            let seg = segments[k]
            let words = seg.split(separator: " ")
            // The last item: "and Z" starts a segment (Oxford) or the middle item is "Y and Z".
            var closesList = false
            var middleWords = 0
            var middleIndex = k - 1
            if let first = words.first, first == "and" || first == "or", words.count >= 2, words.count <= 8 {
                closesList = true
                middleWords = segments[k - 1].split(separator: " ").count
                middleIndex = k - 1
            } else if let and = words.firstIndex(where: { $0 == "and" || $0 == "or" }), and > 0, and <= 5,
                      words.count - and - 1 >= 1, words.count - and - 1 <= 8 {
                closesList = true
                middleWords = and
                middleIndex = k
            }
            if closesList, middleWords >= 1, middleWords <= 5, middleIndex >= 1 {
                let first = segments[middleIndex - 1].split(separator: " ").count
                let beforeFirst = middleIndex >= 2 ? segments[middleIndex - 2].split(separator: " ").count : Int.max
                if first >= 1 && (longerLists || !(beforeFirst <= 4 && first <= 4)) {
                    count += 1
                    k += 2
                    continue
                }
            }
            k += 1
        }
        return count
    }

    /// "not just/only/merely/simply … but", "isn't just …", "it's not X, it's Y".
    package static func notJustBut(in sentence: String) -> Int {
        // The patterns overlap ("it's not just X, but Y" matches two), so a sentence counts its best pattern.
        var best = 0
        for re in notJustButPatterns {
            best = max(best, re.numberOfMatches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)))
        }
        return min(best, 2)
    }

    private static let notJustButPatterns: [NSRegularExpression] = [
        #"\bnot (just|only|merely|simply)\b[^.!?]*?\bbut\b"#,
        #"\b(isn't|aren't|wasn't) (just|only|merely|simply)\b"#,
        #"\b(it's|it is|this is|that's) not (about )?[^,.;]{1,40}[,;—–-]+ ?(it's|it is|but)\b"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    package static func emDashCount(_ s: String) -> Int {
        var n = 0
        var previous: Character = " "
        for c in s {
            if c == "—" { n += 1 }
            if c == "-" && previous == "-" { n += 1 }
            previous = c
        }
        return n
    }

    /// "Key Strategies for Success" is Title Case; "Key strategies for success" is not. Small words may stay lower.
    package static func isTitleCase(_ heading: String) -> Bool {
        let small: Set<String> = ["a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "from", "by",
                                  "of", "in", "with", "as", "vs", "via", "into", "over"]
        let words = heading.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
            .filter { !$0.isEmpty }
        guard words.count >= 3 else { return false }
        var capitalized = 0, eligible = 0
        for (i, w) in words.enumerated() {
            guard let first = w.first, first.isLetter else { continue }
            if i > 0 && small.contains(w.lowercased()) { continue }
            eligible += 1
            if first.isUppercase { capitalized += 1 }
        }
        // The first word is capitalised in sentence case too, so Title Case needs the others as well.
        return eligible >= 3 && capitalized == eligible
    }

    package static func coefficientOfVariation(_ xs: [Double]) -> Double {
        guard xs.count > 1 else { return 0 }
        let mean = xs.reduce(0, +) / Double(xs.count)
        guard mean > 0 else { return 0 }
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        return variance.squareRoot() / mean
    }
}
