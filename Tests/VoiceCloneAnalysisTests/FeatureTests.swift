import Testing
import VoiceCloneAnalysis

/// Each feature on a text small enough to count by hand; the arithmetic is written beside each expectation.
@Suite struct FeatureTests {
    /// 4 sentences of 3, 5, 3 and 3 words in 2 paragraphs (11 and 3 words); 14 words in all.
    static let shortText = "The cat sat. The dog ran far away. Did it stop?\n\nIt did not."

    @Test func sentenceLengthsAndTheirSpread() {
        let s = VoiceAnalyzer().stats(of: Self.shortText).sentences
        #expect(s.count == 4)
        #expect(s.meanLength == 3.5)                           // 14 / 4
        #expect(s.medianLength == 3)                           // sorted 3 3 3 5: halfway between the 2nd and 3rd
        #expect(s.shortest == 3 && s.longest == 5)
        // Population sd: deviations -0.5 -0.5 -0.5 1.5, squares sum 0.75 + 2.25 = 3, / 4 = 0.75, sqrt = 0.8660.
        #expect(approx(s.standardDeviation, 0.75.squareRoot()))
        // Burstiness (sd - mean) / (sd + mean) = (0.8660 - 3.5) / (0.8660 + 3.5) = -0.6033.
        #expect(approx(s.burstiness, (0.75.squareRoot() - 3.5) / (0.75.squareRoot() + 3.5)))
        // Type-7 percentiles of 3 3 3 5: p75 at position 2.25 -> 3 + 0.25 * 2 = 3.5; p90 at 2.7 -> 3 + 0.7 * 2 = 4.4.
        #expect(s.percentiles.p10 == 3 && s.percentiles.p50 == 3)
        #expect(approx(s.percentiles.p75, 3.5) && approx(s.percentiles.p90, 4.4))
        #expect(s.questionShare == 0.25 && s.exclamationShare == 0)  // 1 of 4 sentences ends in "?"
        // All four lengths fall in the first bin (1-5 words).
        #expect(s.histogram.first?.from == 1 && s.histogram.first?.to == 5 && s.histogram.first?.share == 1)
        #expect(s.histogram.dropFirst().allSatisfy { $0.share == 0 })
        #expect(s.histogram.last?.to == nil)
        // Openers: "the" starts 2 of 4 sentences; "did" and "it" one each (ties alphabetical).
        #expect(s.openers.map(\.word) == ["the", "did", "it"])
        #expect(s.openers.map(\.share) == [0.5, 0.25, 0.25])
    }

    @Test func histogramBinsByLength() {
        // Sentences of 1, 6, 12 and 60 words land in bins 1-5, 6-10, 11-15 and 51+.
        let text = ["Go.", words(6), words(12), words(60)].joined(separator: " ")
        let s = VoiceAnalyzer().stats(of: text).sentences
        #expect(s.histogram.map(\.from) == [1, 6, 11, 16, 21, 26, 31, 41, 51])
        #expect(s.histogram.map(\.share) == [0.25, 0.25, 0.25, 0, 0, 0, 0, 0, 0.25])
    }

    @Test func paragraphs() {
        let p = VoiceAnalyzer().stats(of: Self.shortText).paragraphs
        #expect(p.count == 2)
        #expect(p.meanWords == 7)                 // (11 + 3) / 2
        #expect(p.medianWords == 7)               // halfway between 3 and 11
        #expect(p.meanSentences == 2)             // (3 + 1) / 2
        #expect(p.singleSentenceShare == 0.5)     // the second paragraph only
    }

    @Test func lexical() {
        let l = VoiceAnalyzer().stats(of: Self.shortText).lexical
        // Types: the, cat, sat, dog, ran, far, away, did, it, stop, not = 11; "the", "did", "it" twice.
        #expect(l.types == 11)
        #expect(approx(l.hapaxRatio, 8.0 / 11))             // 8 of 11 types occur once
        // Letters: ten 3-letter words (30) + away, stop (8) + it twice (4) = 42; 42 / 14 = 3.
        #expect(l.meanWordLength == 3)
        // Function words: the x2, did x2, it x2, not = 7 of 14.
        #expect(l.lexicalDensity == 0.5)
        // Fewer words than the 100-word window: MATTR is the plain type-token ratio, 11 / 14.
        #expect(approx(l.mattr, 11.0 / 14) && l.mattrWindow == 100)
        #expect(l.longWordShare == 0 && l.contractionsPerThousand == 0)
    }

    @Test func mattrDoesNotFallWithLength() {
        // 200 words cycling through 10 distinct ones: every 100-word window holds 10 types -> 0.1, whereas the
        // plain type-token ratio would be 10 / 200 = 0.05.
        let ten = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
        let text = (0..<200).map { ten[$0 % 10] }.joined(separator: " ")
        let l = VoiceAnalyzer().stats(of: text).lexical
        #expect(approx(l.mattr, 0.1))
        // Long words: charlie, foxtrot (7 letters) = 2 of every 10.
        #expect(approx(l.longWordShare, 0.2))
    }

    @Test func contractions() {
        // 8 words: i, don't, think, it's, john's, car, we'll, see. Contractions: don't, it's, we'll (john's is a
        // possessive) = 3 -> 3000 / 8 = 375 per 1,000 words.
        let l = VoiceAnalyzer().stats(of: "I don't think it's John's car, we'll see.").lexical
        #expect(l.contractionsPerThousand == 375)
    }

    @Test func pronouns() {
        // 10 words: I and me (first singular, 2 in 10 = 200 per 1,000); we, you, she, they: 1 in 10 = 100 each.
        let p = VoiceAnalyzer().stats(of: "I think we know you. They said she saw me.").pronouns
        #expect(p.firstSingular == 200)
        #expect(p.firstPlural == 100 && p.second == 100 && p.thirdSingular == 100 && p.thirdPlural == 100)
    }

    @Test func punctuationPerThousandWords() {
        // 20 words. Marks: ; : (1 each); em dashes — and -- (2); en dashes – and spaced " - " (2); ellipses … and
        // ... (2); one "("; straight quotes "" (2, the apostrophe in it's excluded); curly ‘ ’ (2).
        // Each single mark is 1000 / 20 = 50 per 1,000 words, each pair 100.
        let text = "Well; yes: no \u{2014} maybe -- fine \u{2013} ok - sure\u{2026} wait... (really) \"quoted\" \u{2018}curly\u{2019} it's and then we went home to see it"
        let profile = VoiceAnalyzer().stats(of: text)
        #expect(profile.words == 20)
        let p = profile.punctuation
        #expect(p.semicolon == 50 && p.colon == 50 && p.parentheses == 50)
        #expect(p.emDash == 100 && p.enDash == 100 && p.ellipsis == 100)
        #expect(p.straightQuotes == 100 && p.curlyQuotes == 100)
        #expect(p.comma == 0 && p.exclamation == 0 && p.question == 0)
        #expect(p.oxfordCommaRate == nil && p.oxfordCommaLists == 0)
    }

    @Test func oxfordComma() {
        // One list with the serial comma, one without: rate 1 / 2. Three commas in 12 words = 250 per 1,000.
        let p = VoiceAnalyzer().stats(of: "We bought apples, pears, and plums. They sold bread, milk and eggs.").punctuation
        #expect(p.oxfordCommaLists == 2)
        #expect(p.oxfordCommaRate == 0.5)
        #expect(p.comma == 250)
        // A comma before "and" that joins clauses is not a list.
        let q = VoiceAnalyzer().stats(of: "I came, and I saw it.").punctuation
        #expect(q.oxfordCommaLists == 0 && q.oxfordCommaRate == nil)
    }

    @Test func exclamationsAndQuestionsAsMarksAndSentences() {
        // 5 words, 3 sentences; "?!" counts one of each mark (2 "?" and 2 "!" in all = 400 per 1,000 each), and its
        // sentence counts as a question.
        let profile = VoiceAnalyzer().stats(of: "Really?! Yes, really! Why not?")
        #expect(profile.sentences.count == 3)
        #expect(approx(profile.punctuation.question, 2000.0 / 5))
        #expect(approx(profile.punctuation.exclamation, 2000.0 / 5))
        #expect(approx(profile.sentences.questionShare, 2.0 / 3))
        #expect(approx(profile.sentences.exclamationShare, 1.0 / 3))
    }

    @Test func formattingHabits() {
        // Words: hello, bold, and, it, and, a, never, one, two, first = 10, so each habit seen once is 100 per 1,000.
        let text = """
            # Title

            Hello @amy #launch 🎉 **bold** and *it* and [a](http://x.y) NEVER.

            - one
            - two
            1. first
            """
        let profile = VoiceAnalyzer().stats(of: text)
        #expect(profile.words == 10)
        let f = profile.formatting
        #expect(f.headings == 100 && f.mentions == 100 && f.hashtags == 100 && f.emoji == 100)
        #expect(f.bold == 100 && f.italics == 100 && f.links == 100 && f.allCapsWords == 100)
        #expect(f.bulletItems == 200 && f.numberedItems == 100)
        #expect(f.images == 0 && f.codeBlocks == 0 && f.blockquotes == 0)
    }

    @Test func functionWordsAndMostFrequent() {
        let fw = VoiceAnalyzer().stats(of: Self.shortText).functionWords
        #expect(fw.functionWordShare == 0.5)   // 7 of 14, as in lexical density
        // Counts 2 (did, it, the) first, alphabetically; then the single words alphabetically. Share = count / 14.
        #expect(Array(fw.mostFrequent.prefix(4).map(\.word)) == ["did", "it", "the", "away"])
        #expect(approx(fw.mostFrequent[0].share, 2.0 / 14))
        #expect(fw.mostFrequent.count == 11)
    }

    @Test func spellingPreference() {
        // color, flavor (US) against colour (UK): 2 of 3 are US -> 0.667, between 0.2 and 0.8 -> mixed.
        let s = VoiceAnalyzer().stats(of: "The color and the colour and the flavor.").spelling
        #expect(s.usVariants == 2 && s.ukVariants == 1)
        #expect(approx(s.usShare ?? -1, 2.0 / 3))
        #expect(s.preference == "mixed")
        #expect(VoiceAnalyzer().stats(of: "We organise the colour.").spelling.preference == "uk")
        let none = VoiceAnalyzer().stats(of: "Nothing to see.").spelling
        #expect(none.preference == "none" && none.usShare == nil)
    }

    @Test func emptyTextGivesZerosNotCrashes() {
        let profile = VoiceAnalyzer().stats(of: "")
        #expect(profile.words == 0 && profile.sentences.count == 0 && profile.paragraphs.count == 0)
        #expect(profile.readability.fleschReadingEase == 0 && profile.lexical.mattr == 0)
    }

    /// A sentence of `n` distinct-enough words ending in a full stop.
    private func words(_ n: Int) -> String {
        (0..<n).map { "w\($0)x" }.joined(separator: " ") + "."
    }
}

func approx(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }
