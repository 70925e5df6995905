import Testing
@testable import VoiceCloneGeneration
import VoiceCloneTestSupport

@Suite struct TextAssemblyTests {
    @Test func tokenizerKeepsPunctuationAndSplitsSentences() {
        var tokenizer = DraftTokenizer()
        let sentences = tokenizer.sentences(inParagraph: "Dr. Smith didn't stop — \"Why?\" she asked. It cost $3.50 (e.g. lunch)... Fine!")
        #expect(sentences.count == 3)
        #expect(sentences[0] == ["Dr.", "Smith", "didn't", "stop", "—", "“", "Why", "?", "”", "she", "asked", "."])
        #expect(sentences[1] == ["It", "cost", "$3.50", "(", "e.g.", "lunch", ")", "…"])
        #expect(sentences[2] == ["Fine", "!"])
    }

    @Test func numbersAndSlashedWordsStayWhole() {
        var tokenizer = DraftTokenizer()
        let sentences = tokenizer.sentences(inParagraph: "We hit 2,400 requests at 4:55 p.m., on call 24/7 and/or asleep: fine, 3, 4.")
        #expect(sentences == [["We", "hit", "2,400", "requests", "at", "4:55", "p.m.", ",", "on", "call", "24/7", "and/or", "asleep",
                               ":", "fine", ",", "3", ",", "4", "."]])
        #expect(DraftAssembler(style: RenderStyle()).renderSentence(sentences[0]).hasPrefix("We hit 2,400 requests at 4:55 p.m., on call 24/7"))
    }

    @Test func assemblerSpacesCapitalisesAndBalances() {
        let assembler = DraftAssembler(style: RenderStyle())
        let tidy = DraftAssembler.tidy(["so", "(", "as", "i", "said", ",", "“", "the", "pen", "works", ",", "and"])
        #expect(tidy != nil)
        #expect(assembler.renderSentence(tidy ?? []) == "So (as I said, \"the pen works).\"")
        #expect(DraftAssembler.tidy(["the", ")", "cat", "sat", "."]) == ["the", "cat", "sat", "."])
        #expect(DraftAssembler.tidy(["and", "the", "."]) == nil)
        #expect(assembler.renderSentence(["it's", "fine", "—", "really", "?"]) == "It's fine—really?")
        let curly = DraftAssembler(style: RenderStyle(curlyQuotes: 2, curlyApostrophes: 3, spacedDashes: 2, ellipsisChars: 1))
        #expect(curly.renderSentence(["“", "i'm", "here", "”", "—", "ok", "…"]) == "“I’m here” — ok…")
    }

    @Test(arguments: ["blog", "linkedin"])
    func generatedProseIsWellFormed(platform name: String) throws {
        let engine = try LocalEngine(samples: GenerationFixtures.samples)
        for seed in UInt64(1)...5 {
            let piece = try engine.write(GenerationRequest(
                prompt: "slow mornings", platform: try Platform.preset(named: name), seed: seed))
            for block in piece.text.components(separatedBy: "\n\n") where !block.hasPrefix("#") {
                #expect(block.first?.isUppercase == true, "block starts lower-case: \(block)")
                for bad in [" ,", " .", " ;", " :", " ?", " !", "  ", "( ", " )", ",.", "..."] {
                    #expect(!block.contains(bad), "'\(bad)' in: \(block)")
                }
                #expect(block.filter { $0 == "(" }.count == block.filter { $0 == ")" }.count)
                #expect(block.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes: \(block)")
                #expect(".!?…\"')".contains(block.last ?? " "), "no terminal mark: \(block)")
                let sentences = block.split(separator: ". ")
                for sentence in sentences.dropFirst() {
                    #expect(sentence.first?.isUppercase == true || sentence.first == "\"", "lower-case start: \(sentence)")
                }
                let sentencesInBlock = block.split(whereSeparator: { ".!?".contains($0) }).count
                #expect(sentencesInBlock <= 12)
            }
        }
    }

    @Test func markdownIsNotLearntAsProse() {
        let paragraphs = ProseParagraphs.of("""
        ---
        title: Test
        ---
        # Heading

        Some **bold** text with a [link](https://example.com) and `code`.
        A second line of the same paragraph, see https://example.org/x for more #writing @dana.

        ```
        let x = 1
        ```

        - first item
        - second item

        > Quoted *words* &amp; more.

        | a | b |
        |---|---|

        1. numbered <b>item</b>
        """)
        #expect(paragraphs == [
            "Some bold text with a link and. A second line of the same paragraph, see for more.",
            "first item", "second item", "Quoted words & more.", "numbered item",
        ])
    }
}
