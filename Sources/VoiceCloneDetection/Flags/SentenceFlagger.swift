/// Turns per-sentence evidence into flags a writer can act on: which sentence, why, and one concrete suggestion.
///
/// Only evidence that is not the writer's habit is flagged, and rhythm is flagged only where the whole text runs
/// even, so a human text with one "however" is not peppered with warnings.
package struct SentenceFlagger {
    package let lexicon: DetectionLexicon
    /// Signals the writer does by habit (or that did not add to the score): their sentence-level evidence is not flagged.
    package let quiet: Set<DetectionSignalKind>

    /// Openers flagged even alone; the others only when stacked (two transition openers within three sentences).
    package static let strongTransitions: Set<String> = [
        "moreover", "furthermore", "additionally", "in addition", "firstly", "secondly", "thirdly", "lastly",
        "in conclusion", "to conclude", "in summary", "overall", "ultimately", "first and foremost",
        "consequently", "notably", "importantly",
    ]

    package func flags(_ measured: SignalMeter.Result) -> [SentenceFlag] {
        let document = measured.document
        let sentences = document.sentences
        let evidence = measured.evidence
        let evenRuns: [Int: (count: Int, lengths: String)] = quiet.contains(.lowBurstiness) ? [:] : SentenceFlagger.evenRunStarts(sentences)
        var flags: [SentenceFlag] = []
        let scalarOffsets = ScalarOffsets(document.text)
        for (i, sentence) in sentences.enumerated() {
            let e = evidence[i]
            var reasons: [String] = [], suggestions: [String] = [], signals: [String] = []
            func add(_ kind: DetectionSignalKind, _ reason: String, _ suggestion: String) {
                reasons.append(reason)
                suggestions.append(suggestion)
                if !signals.contains(kind.rawValue) { signals.append(kind.rawValue) }
            }
            if !e.tells.isEmpty, !quiet.contains(.aiVocabulary) {
                let list = e.tells.map { "“\($0)”" }.joined(separator: ", ")
                let swaps = e.tells.map { tell in
                    lexicon.plainWord(for: tell).map { plain in
                        plain.trimmingCharacters(in: .whitespaces).isEmpty ? "cut “\(tell)”" : "“\(tell)” → “\(plain.trimmingCharacters(in: .whitespaces))”"
                    } ?? "a plainer word than “\(tell)”"
                }
                add(.aiVocabulary, "AI-typical wording: \(list)", "Say it plainly: " + swaps.joined(separator: "; ") + ".")
            }
            if let t = e.transition, !quiet.contains(.stackedTransitions) {
                let stacked = (max(0, i - 2)..<i).contains { evidence[$0].transition != nil && sentences[$0].blockKind != .heading }
                if stacked || SentenceFlagger.strongTransitions.contains(t) {
                    let shown = sentence.text.prefix(t.count)
                    add(.stackedTransitions,
                        stacked ? "Opens with “\(shown)” right after another transition (stacked connectives)" : "Opens with the connective “\(shown)”",
                        "Drop “\(shown)”; the sentence follows on its own, or use “and”, “but” or “so” if the link needs a word.")
                }
            }
            if e.triads > 0, !quiet.contains(.ruleOfThree) {
                add(.ruleOfThree, "Three-item list", "Keep the item that matters most, or give the list two or four items, so it reads chosen rather than patterned.")
            }
            if e.notJustBut > 0, !quiet.contains(.notJustButY) {
                add(.notJustButY, "“Not just X, but Y” construction", "State the claim directly instead of setting up a contrast nobody made.")
            }
            if !e.hedges.isEmpty, !quiet.contains(.hedgingSignposting) {
                let list = e.hedges.map { "“\($0)”" }.joined(separator: ", ")
                add(.hedgingSignposting, "Hedge: \(list)", "Cut \(list) and state the point.")
            }
            if !e.signposts.isEmpty, !quiet.contains(.hedgingSignposting) {
                let list = e.signposts.map { "“\($0)”" }.joined(separator: ", ")
                add(.hedgingSignposting, "Signpost: \(list)", "Cut \(list); say the thing instead of announcing it.")
            }
            if e.emDashes > 0, !quiet.contains(.emDashes) {
                add(.emDashes, "Em dash", "Use a comma, a colon, parentheses or a full stop instead of the dash.")
            }
            if evenRuns[i] != nil, let run = evenRuns[i] {
                add(.lowBurstiness, "Starts a run of \(run.count) sentences of nearly the same length (\(run.lengths))",
                    "Vary the rhythm: split one of these sentences, or join two short ones.")
            }
            if sentence.blockKind == .heading, !quiet.contains(.titleCaseHeadings), SignalMeter.isTitleCase(sentence.text) {
                add(.titleCaseHeadings, "Heading in Title Case", "Use sentence case: “\(SentenceFlagger.sentenceCase(sentence.text))”.")
            }
            if sentence.blockKind == .listItem, !quiet.contains(.emojiBullets), document.blocks[sentence.block].emojiMarker,
               sentences.firstIndex(where: { $0.block == sentence.block }) == i {
                add(.emojiBullets, "Emoji bullet", "Use a plain “-” bullet, or write the list as a sentence.")
            }
            guard !reasons.isEmpty else { continue }
            flags.append(SentenceFlag(
                span: TextSpan(start: sentence.range.lowerBound, end: sentence.range.upperBound,
                               startCharacter: scalarOffsets.scalarOffset(ofByte: sentence.range.lowerBound),
                               endCharacter: scalarOffsets.scalarOffset(ofByte: sentence.range.upperBound)),
                sentence: sentence.text, reasons: reasons, suggestion: suggestions.joined(separator: " "),
                signals: signals))
        }
        return flags
    }

    /// The first sentence of each run of four or more consecutive prose sentences whose lengths stay within 25% of
    /// the run's mean, with the run's size and length range.
    package static func evenRunStarts(_ sentences: [DetectionSentence]) -> [Int: (count: Int, lengths: String)] {
        var result: [Int: (Int, String)] = [:]
        var i = 0
        while i < sentences.count {
            guard sentences[i].blockKind != .heading, sentences[i].words.count >= 8 else { i += 1; continue }
            var j = i + 1
            var lengths = [Double(sentences[i].words.count)]
            while j < sentences.count, sentences[j].blockKind != .heading {
                let candidate = lengths + [Double(sentences[j].words.count)]
                let mean = candidate.reduce(0, +) / Double(candidate.count)
                guard candidate.allSatisfy({ abs($0 - mean) <= 0.25 * mean }) else { break }
                lengths = candidate
                j += 1
            }
            if lengths.count >= 4 {
                result[i] = (lengths.count, "\(Int(lengths.min()!))–\(Int(lengths.max()!)) words")
                i = j
            } else {
                i += 1
            }
        }
        return result
    }

    package static func sentenceCase(_ heading: String) -> String {
        var first = true
        return heading.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            defer { first = false }
            let w = String(word)
            if first { return w }
            // Keep acronyms and words with inner capitals ("API", "iOS", "GitHub").
            let letters = w.filter(\.isLetter)
            if letters.count >= 2, letters.allSatisfy(\.isUppercase) { return w }
            if letters.dropFirst().contains(where: \.isUppercase) { return w }
            return w.lowercased()
        }.joined(separator: " ")
    }
}
