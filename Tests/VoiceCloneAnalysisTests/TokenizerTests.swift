import Testing
import VoiceCloneAnalysis

/// What counts as a word: the unit every per-1,000-words rate and every readability formula divides by.
@Suite struct TokenizerTests {
    @Test func contractionsHyphensDecimalsAndAbbreviationsAreOneWord() {
        let words = Tokenizer.words(in: "Don't stop: it's 3.5 times the U.S. rate, e.g. 1,000 well-known cases.")
        #expect(words == ["don't", "stop", "it's", "3.5", "times", "the", "u.s", "rate", "e.g", "1,000", "well-known", "cases"])
    }

    @Test func timesAreOneWordAndNotColons() {
        #expect(Tokenizer.words(in: "Meet at 10:30, not 9.") == ["meet", "at", "10:30", "not", "9"])
        #expect(VoiceAnalyzer().stats(of: "Meet at 10:30 today.").punctuation.colon == 0)
        #expect(Tokenizer.words(in: "rock'n'roll U.S.A.") == ["rock'n'roll", "u.s.a"])
    }

    @Test func curlyApostrophesAreStraightened() {
        #expect(Tokenizer.words(in: "It\u{2019}s Anna\u{2019}s") == ["it's", "anna's"])
        // A closing curly quote after a word is punctuation, not part of the word.
        #expect(Tokenizer.words(in: "\u{2018}curly\u{2019} quotes") == ["curly", "quotes"])
    }

    @Test func unicodeLettersAreWordsAndLowercased() {
        #expect(Tokenizer.words(in: "Café NAÏVE Zürich Straße Λόγος 東京") == ["café", "naïve", "zürich", "straße", "λόγος", "東京"])
    }

    @Test func urlsEmailsHashtagsMentionsAndEmojiAreNotWords() {
        let text = "See https://example.com/a/b?c=d and www.example.org or mail bob@example.com #launch @amy 🎉👍🏽 now"
        #expect(Tokenizer.words(in: text) == ["see", "and", "or", "mail", "now"])
        #expect(Tokenizer.wordCount(text) == 5)
    }

    @Test func punctuationAndEmptyInputGiveNoWords() {
        #expect(Tokenizer.words(in: "").isEmpty)
        #expect(Tokenizer.words(in: " ... — !? () \"\" ").isEmpty)
    }

    @Test func wordCountAgreesWithWords() {
        let text = "One, two; three: four — five (six) \"seven\" eight's nine-ten 11.5"
        #expect(Tokenizer.wordCount(text) == Tokenizer.words(in: text).count)
        #expect(Tokenizer.wordCount(text) == 10)
    }
}
