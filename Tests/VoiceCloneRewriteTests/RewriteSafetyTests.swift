import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneDetection
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
@testable import VoiceCloneRewrite
import VoiceCloneGrammar
import VoiceCloneTestSupport

/// The rewrite's promises, on sentences written to trip it: no fragment, no doubled mark, names untouched,
/// word classes kept, every edit explained, and a rewrite of a rewrite changes little.
@Suite("Offline rewrite safety")
struct RewriteSafetyTests {
    let detector = Detector()
    let grammar = try? LinkGrammar.english()

    func guidance(_ draft: String, style: RewriteStyle) throws -> RewriteGuidance {
        var options = AnalysisOptions()
        options.minimumWords = 10
        let dna = try VoiceAnalyzer(options: options).analyze([AnalysisSample(id: "a", text: DetectionFixtures.human)])
        return RewriteGuidance(dna: dna, style: style, detection: detector.detect(draft))
    }

    static let style = RewriteStyle(contractionShare: 0.9, medianSentence: 12, longSentence: 18, shortSentence: 6,
                                    emDashRate: 0, oxfordComma: true, spelling: .us)

    static let tricky = """
        Moreover, the rollout faced high costs, common misconceptions about privacy, and bias in the training data that made its efficiency hard to justify for most teams.
        Dr. Ames said "we will delve into the numbers, and we will report back" at the meeting on Friday.
        The Delve Analytics team ran 11,400 tests (612 failed, and 431 passed on retry) before the U.S. launch.
        The talent showcase was the highlight of the evening, and everyone stayed until the hall closed at ten.
        We need tea, milk, and sugar.
        It broke. We fixed it.
        """

    @Test func noEditMakesAFragmentOrDoublesAMark() throws {
        let g = try #require(grammar)
        let draft = Self.tricky
        let (text, _, _) = LocalRewriter().rewriteWithEdits(draft, guidance: try guidance(draft, style: Self.style))
        let shaper = SentenceShaper(grammar: g)
        let fullBefore = SentenceSplitter.sentences(in: draft).filter { shaper.isFullSentence($0) }.count
        let after = SentenceSplitter.sentences(in: text)
        let fragmentsAfter = after.filter { !shaper.isFullSentence($0) }.count
        let fragmentsBefore = SentenceSplitter.sentences(in: draft).count - fullBefore
        #expect(fragmentsAfter <= fragmentsBefore, "\(text)")
        for mark in [",,", ", ,", ",.", ".,", "::"] { #expect(!text.contains(mark), "doubled \(mark) in \(text)") }
    }

    @Test func namesQuotationsAndNumbersSurvive() throws {
        let draft = Self.tricky
        let (text, _, _) = LocalRewriter().rewriteWithEdits(draft, guidance: try guidance(draft, style: Self.style))
        #expect(text.contains("Delve Analytics"))
        #expect(text.contains("11,400") && text.contains("612") && text.contains("U.S."))
        #expect(text.contains("Dr. Ames"))
    }

    @Test func aWordSwapKeepsTheWordClass() throws {
        let replacer = PhraseReplacer(lexicon: .bundled, habitual: [])
        // "showcase" the noun would become the noun "show" in "talent show" — fine; as a verb it becomes "show".
        let (verb, n) = replacer.apply("The team will showcase its work.", keepingClassWith: grammar)
        #expect(verb == "The team will show its work." && n == 1)
        #expect(replacer.apply("The Showcase Theatre opens today.", keepingClassWith: grammar).1 == 0)
    }

    @Test func aWordSwapNeverRepeatsAWordTheSentenceAlreadyHas() throws {
        let replacer = PhraseReplacer(lexicon: .bundled, habitual: [])
        // "fosters" → "builds" would read "builds collaboration, builds trust"; the tell stays for the writer.
        let (kept, n) = replacer.apply("Clear writing fosters collaboration, builds trust, and drives results.",
                                       keepingClassWith: grammar)
        #expect(kept == "Clear writing fosters collaboration, builds trust, and drives results." && n == 0)
        // Without the plain word nearby the swap is made.
        #expect(replacer.apply("Clear writing fosters collaboration.", keepingClassWith: grammar).0
            == "Clear writing builds collaboration.")
    }

    @Test func everyEditHasAReasonInTheDiff() throws {
        let draft = Self.tricky
        let result = LocalRewriter().rewriteWithEdits(draft, guidance: try guidance(draft, style: Self.style))
        let diff = RewriteDiff.between(draft, result.text, edits: result.edits)
        #expect(!diff.changes.isEmpty)
        #expect(diff.changes.allSatisfy { !$0.reasons.isEmpty }, "\(diff.unified)")
        #expect(diff.unified.contains("  why: "))
    }

    @Test func rewritingARewriteChangesLittleAndTheSameInputGivesTheSameOutput() throws {
        let draft = DetectionFixtures.machine
        let g = try guidance(draft, style: Self.style)
        let once = LocalRewriter().rewriteWithEdits(draft, guidance: g)
        let again = LocalRewriter().rewriteWithEdits(once.text, guidance: try guidance(once.text, style: Self.style))
        let words = once.text.split(separator: " ").count
        let changed = Set(again.text.split(separator: " ")).symmetricDifference(Set(once.text.split(separator: " "))).count
        #expect(Double(changed) / Double(words) < 0.05, "second pass changed \(changed) of \(words) words")
        #expect(LocalRewriter().rewriteWithEdits(draft, guidance: g).text == once.text)
    }

    @Test func punctuationGuardSpotsDoubledMarks() {
        #expect(PunctuationGuard.doublesMark(before: "tea, milk and sugar", after: "tea, milk,, and sugar"))
        #expect(!PunctuationGuard.doublesMark(before: "tea, milk and sugar", after: "tea, milk, and sugar"))
    }
}

@Suite("Oxford comma edge cases")
struct OxfordCommaEdgeTests {
    @Test func onlyTheListClosingCommaGoes() {
        #expect(SentenceEdits.oxfordComma("We tried maxout, ReLU, and tanh, and found that it helps.", use: false)
                == "We tried maxout, ReLU and tanh, and found that it helps.")
    }

    @Test func anExistingCommaIsNeverDoubled() {
        #expect(SentenceEdits.oxfordComma("We need tea, milk, and sugar.", use: true) == nil)
    }

    @Test func twoCoordinatedItemsAfterAnAsideGetNoComma() throws {
        // Written to look like "X, Y and Z" to the pattern: an aside, then two verbs joined by "and". The 150-rewrite
        // run put a comma before "and" in sentences like these; the parser reads no list in them.
        let grammar = try LinkGrammar.english()
        for sentence in [
            "The tool helps with positive impacts, particularly in detecting and addressing problems early.",
            "Banning them would, in some measure, demotivate them academically and result in poor grades.",
        ] {
            #expect(SentenceEdits.oxfordComma(sentence, use: true) != nil, "premise: the pattern alone adds a comma")
            #expect(SentenceEdits.oxfordComma(sentence, use: true, grammar: grammar) == nil, "\(sentence)")
        }
        // A real list still gets the writer's comma.
        #expect(SentenceEdits.oxfordComma("We need tea, milk and sugar.", use: true, grammar: grammar) == "We need tea, milk, and sugar.")
        #expect(SentenceEdits.oxfordComma("We need tea, milk, bread and sugar.", use: true, grammar: grammar)
                == "We need tea, milk, bread, and sugar.")
    }
}
