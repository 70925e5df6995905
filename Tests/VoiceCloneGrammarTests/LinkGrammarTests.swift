import Testing
import VoiceCloneGrammar

@Suite struct LinkGrammarTests {
    @Test func aFullSentenceLinksCompletely() throws {
        let grammar = try LinkGrammar.english()
        #expect(grammar.linksCompletely("The garden needs rain before the sweet peas can climb."))
        #expect(grammar.parse("We shipped the new release on Friday.") == .complete)
    }

    @Test func fragmentsAndWordSaladFail() throws {
        let grammar = try LinkGrammar.english()
        // The kinds of sentence the old remixer and list-splitting rewrite produced.
        #expect(!grammar.linksCompletely("Privacy-critical challenges that make its efficiency hard to justify."))
        #expect(!grammar.linksCompletely("I'll the book you have a few any sweet peas readers."))
        #expect(!grammar.linksCompletely("The results of the survey on remote work."))
        #expect(grammar.parse("") == .fragment)
    }

    @Test func overlongSentencesAreNotJudged() throws {
        let grammar = try LinkGrammar.english()
        let long = Array(repeating: "word", count: grammar.maxWords + 1).joined(separator: " ")
        #expect(grammar.parse(long) == .tooLong)
    }

    @Test func repeatedChecksAgree() throws {
        let grammar = try LinkGrammar.english()
        let s = "She said the plan was ready, and nobody argued."
        let first = grammar.parse(s)
        #expect(grammar.parse(s) == first)
        #expect(first == .complete)
    }
}

@Suite struct WordClassTests {
    @Test func theSameWordGetsTheClassItsSentenceGivesIt() throws {
        let grammar = try LinkGrammar.english()
        let verb = try #require(grammar.wordClasses("The team will showcase its work."))
        let noun = try #require(grammar.wordClasses("The talent showcase was fun."))
        #expect(verb.first { $0.word == "showcase" }?.wordClass == .verb)
        #expect(noun.first { $0.word == "showcase" }?.wordClass == .noun)
        #expect(grammar.wordClasses("The results of the survey on remote work.") == nil)
    }
}
