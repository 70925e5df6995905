import Testing
import VoiceCloneAnalysis

/// Markdown syntax is not the writer's prose: front matter, code, link targets, images and headings are removed
/// before anything is measured.
@Suite struct MarkdownProseTests {
    static let document = """
        ---
        title: Secret Title Words
        tags: [hidden]
        ---
        # Heading Words Here

        Some *emphasis* and **bold** text with a [link](https://example.com/target-path) and ![alt text](picture.png).

        ```swift
        let codeWord = 1
        ```

        - item one
        - item two

        > quoted line

        Inline `codeSpan` here &amp; <span>there</span>.

        [ref]: https://example.com/reference
        | table | cell |
        """

    @Test func strippedProseKeepsOnlyTheWritersWords() {
        let prose = Tokenizer.prose(fromMarkdown: Self.document)
        #expect(Tokenizer.words(in: prose) == [
            "some", "emphasis", "and", "bold", "text", "with", "a", "link", "and",
            "item", "one", "item", "two", "quoted", "line", "inline", "here", "there",
        ])
        for hidden in ["Secret", "hidden", "Heading", "example.com", "picture", "alt", "codeWord", "codeSpan", "span", "ref", "table", "**", "```"] {
            #expect(!prose.contains(hidden), "\(hidden) leaked into the prose: \(prose)")
        }
        #expect(prose.contains("&"))
    }

    @Test func paragraphsAndListItemsEndSentences() {
        let profile = VoiceAnalyzer().stats(of: Self.document)
        // Sentences: "Some … link and ." (9 words), "item one", "item two", "quoted line", "Inline here & there." (3).
        #expect(profile.sentences.count == 5)
        #expect(profile.words == 18)
        // Paragraphs: the prose paragraph, the list, the quote, the last paragraph.
        #expect(profile.paragraphs.count == 4)
    }

    @Test func frontMatterIsOnlyRecognisedAtTheStart() {
        let prose = Tokenizer.prose(fromMarkdown: "Intro words.\n\n---\n\nMore words.")
        #expect(Tokenizer.words(in: prose) == ["intro", "words", "more", "words"])
    }

    @Test func unclosedFrontMatterIsKeptAsText() {
        let words = Tokenizer.words(in: Tokenizer.prose(fromMarkdown: "---\nnot closed at all"))
        #expect(words == ["not", "closed", "at", "all"])
    }

    @Test func snakeCaseAndSpacedAsterisksSurvive() {
        let prose = Tokenizer.prose(fromMarkdown: "Use snake_case names and 2 * 3 maths.")
        #expect(prose == "Use snake_case names and 2 * 3 maths.")
    }
}
