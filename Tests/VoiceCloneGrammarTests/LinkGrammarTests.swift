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

@Suite struct PartialWordClassTests {
    @Test func aFragmentGivesTheClassesOfTheWordsThatLinkAndTheJudgementIsUnchanged() throws {
        let grammar = try LinkGrammar.english()
        let fragment = "Deploy pipeline caching, big win for the platform team."
        #expect(grammar.wordClasses(fragment) == nil)
        let words = try #require(grammar.partialWordClasses(fragment))
        #expect(words.first { $0.word == "pipeline" }?.wordClass == .noun, "\(words)")
        #expect(words.first { $0.word == "team" }?.wordClass == .noun, "\(words)")
        // At least one word is left unlinked, in brackets with no class.
        #expect(words.contains { $0.word.hasPrefix("[") && $0.wordClass == .other }, "\(words)")
        // Allowing unlinked words was for that call only: fragments still fail, in memo and out of it.
        #expect(grammar.parse(fragment) == .fragment)
        #expect(!grammar.linksCompletely("Pipeline caching, big win for the team today."))
        // A full sentence gets the same answer either way.
        let full = "The team will showcase its work."
        #expect(grammar.partialWordClasses(full) == grammar.wordClasses(full))
    }
}
