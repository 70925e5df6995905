import Foundation
import Testing
import VoiceCloneImport
import VoiceCloneTestSupport

@Suite("HTML file import")
struct HTMLImportTests {
    let importer = DocumentImporter()

    private func assertCleanArticle(_ document: ImportedDocument, blocks: [FixtureText.Block]) {
        let overlap = WordOverlap(expected: FixtureText.plainText(blocks), actual: document.markdown)
        #expect(overlap.recall >= 0.99, "\(overlap)")
        #expect(overlap.precision >= 0.99, "\(overlap)")
        let words = Set(WordOverlap.words(document.markdown))
        for word in HTMLFixtures.boilerplateWords {
            #expect(!words.contains(word.lowercased()), "boilerplate word \(word) leaked into the sample")
        }
    }

    @Test func semanticPageKeepsOnlyTheArticle() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("post.html", HTMLFixtures.blogPage(FixtureText.essay))
        let document = try #require(try importer.importSource(path).first)
        assertCleanArticle(document, blocks: FixtureText.essay)
        #expect(document.markdown.hasPrefix("# The Slow Repair of a Green Bicycle\n\nMy neighbour left"))
        #expect(document.markdown.contains("\n\n## Why the notebook mattered\n\n"))
        #expect(document.markdown.contains("\n\n- Two tyre levers, one of which snapped on the first day.\n"))
        #expect(document.markdown.contains("the wheel was *not fighting me*; it was reporting"))
        #expect(document.title == FixtureText.title)
        #expect(document.author == FixtureText.author)
        #expect(document.published == FixtureText.published)
        #expect(document.sourceType == .html)
        #expect(document.source == path)
    }

    @Test func divSoupPageIsFoundByParagraphDensity() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("old-post.htm", HTMLFixtures.divSoupPage(FixtureText.essay))
        let document = try #require(try importer.importSource(path).first)
        assertCleanArticle(document, blocks: FixtureText.essay)
        // Metadata from JSON-LD when there are no meta tags.
        #expect(document.title == FixtureText.title)
        #expect(document.author == FixtureText.author)
        #expect(document.published == FixtureText.published)
    }

    @Test func windows1252FileIsDecodedFromItsMetaTag() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("cafe.html", HTMLFixtures.windows1252Page())
        let document = try #require(try importer.importSource(path).first)
        #expect(document.markdown.contains(HTMLFixtures.windows1252Paragraph))
    }

    @Test func pageWithTooLittleTextIsFlagged() throws {
        let scratch = try ScratchDirectory()
        let path = try scratch.write("stub.html", "<html><body><nav>Home About</nav><article><p>Coming soon: a post about bicycles.</p></article></body></html>")
        #expect(throws: ImportError.textTooShort(path, words: 6, minimum: 50)) { try importer.importSource(path) }
    }
}
