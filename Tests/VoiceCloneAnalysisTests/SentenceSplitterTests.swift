import Testing
import VoiceCloneAnalysis

/// Sentence boundaries drive sentence length, openers, burstiness and every readability formula.
@Suite struct SentenceSplitterTests {
    @Test func titlesDecimalsAndTimesDoNotEndSentences() {
        #expect(SentenceSplitter.sentences(in: "Dr. Smith arrived at 3.5 p.m. on Monday. He left.")
            == ["Dr. Smith arrived at 3.5 p.m. on Monday.", "He left."])
        #expect(SentenceSplitter.sentences(in: "Mr. and Mrs. Jones paid $4.99 each. Fine.")
            == ["Mr. and Mrs. Jones paid $4.99 each.", "Fine."])
    }

    @Test func initialsAndLatinAbbreviationsDoNotEndSentences() {
        #expect(SentenceSplitter.sentences(in: "J. R. R. Tolkien wrote it. Fruit, e.g. Apples, i.e. Red ones, sells.")
            == ["J. R. R. Tolkien wrote it.", "Fruit, e.g. Apples, i.e. Red ones, sells."])
    }

    @Test func numberAbbreviationsEndASentenceUnlessANumberFollows() {
        #expect(SentenceSplitter.sentences(in: "See No. 10 and Fig. 3 in Vol. 2 today. Fine.")
            == ["See No. 10 and Fig. 3 in Vol. 2 today.", "Fine."])
        // "no" is also a word: in dialogue it ends sentences.
        #expect(SentenceSplitter.sentences(in: "No. I won't. He said no. Then he left.")
            == ["No.", "I won't.", "He said no.", "Then he left."])
    }

    @Test func otherAbbreviationsEndASentenceOnlyBeforeACapital() {
        #expect(SentenceSplitter.sentences(in: "The U.S. economy grew. I moved to the U.S. It is big.")
            == ["The U.S. economy grew.", "I moved to the U.S.", "It is big."])
        #expect(SentenceSplitter.sentences(in: "Pens, paper, etc. and more. Then etc. Done.")
            == ["Pens, paper, etc. and more.", "Then etc.", "Done."])
    }

    @Test func aStopWithNoSpaceAfterItIsInsideAName() {
        #expect(SentenceSplitter.sentences(in: "She has a Ph.D. in physics. We use node.js daily.")
            == ["She has a Ph.D. in physics.", "We use node.js daily."])
    }

    @Test func anOrdinaryPeriodEndsASentenceEvenBeforeLowercase() {
        #expect(SentenceSplitter.sentences(in: "I stopped. then I left.") == ["I stopped.", "then I left."])
    }

    @Test func quotationsKeepTheirTerminatorInsideTheSentence() {
        #expect(SentenceSplitter.sentences(in: "'Help!' she cried. Then she ran.") == ["'Help!' she cried.", "Then she ran."])
        #expect(SentenceSplitter.sentences(in: "\u{201C}Are you sure?\u{201D} he asked. \u{201C}Yes.\u{201D} She nodded.")
            == ["\u{201C}Are you sure?\u{201D} he asked.", "\u{201C}Yes.\u{201D}", "She nodded."])
        #expect(SentenceSplitter.sentences(in: "Stop! Now!") == ["Stop!", "Now!"])
    }

    @Test func ellipsesEndASentenceOnlyBeforeACapital() {
        #expect(SentenceSplitter.sentences(in: "Wait... what? Yes.") == ["Wait... what?", "Yes."])
        #expect(SentenceSplitter.sentences(in: "I wonder\u{2026} Maybe not.") == ["I wonder\u{2026}", "Maybe not."])
    }

    @Test func urlsKeepTheirDotsAndTheSentenceItsFullStop() {
        #expect(SentenceSplitter.sentences(in: "See https://example.com/a.b. Then go.") == ["See https://example.com/a.b.", "Then go."])
    }

    @Test func lineBreaksAreSpacesAndBlankLinesEndSentences() {
        #expect(SentenceSplitter.sentences(in: "One line\ncontinues here. Next.") == ["One line\ncontinues here.", "Next."])
        #expect(SentenceSplitter.sentences(in: "A title without a stop\n\nBody text.") == ["A title without a stop", "Body text."])
    }

    @Test func emojiAndUnicodeStayInTheirSentence() {
        #expect(SentenceSplitter.sentences(in: "Great day 🎉. Café au lait? Oui.") == ["Great day 🎉.", "Café au lait?", "Oui."])
    }

    @Test func rangesPointIntoTheOriginalText() {
        let text = "  First one.  Second one!"
        let ranges = SentenceSplitter.ranges(in: text)
        #expect(ranges.map { String(text[$0]) } == ["First one.", "Second one!"])
        #expect(SentenceSplitter.ranges(in: "").isEmpty)
        #expect(SentenceSplitter.ranges(in: " ... ").isEmpty)
    }
}
