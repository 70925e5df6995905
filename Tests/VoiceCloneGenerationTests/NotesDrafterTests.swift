import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneGeneration
import VoiceCloneGrammar

/// The notes drafter and the sentence shaper it shares with the offline rewrite.
@Suite("Notes drafter")
struct NotesDrafterTests {
    static let email = """
        Subject: Handoff

        Hi Priya,

        You're up tomorrow at nine. Here's where things stand. The indexer restarts twice a day, and it recovers on its own. \
        Don't page anyone for it. I'm around until Thursday if you need context.

        Cheers,
        Dana
        """
    static let email2 = """
        Subject: Disk

        Hi Marcus,

        The replica disk is at eighty percent. It grows about a point a day. It's not urgent, but we should handle it this week. \
        I'll link the runbook in the ticket.

        Cheers,
        Dana
        """
    static let social = """
        Some numbers from our CI this month. So about seventy percent of our red builds weren't real. \
        That's not a test problem. That's a trust problem. 🙃

        So we quarantine a flaky test the day it flakes. We fix it or we delete it. #testing #ci
        """
    static var samples: [AnalysisSample] {
        [AnalysisSample(id: "e1", text: email, contentType: .email), AnalysisSample(id: "e2", text: email2, contentType: .email),
         AnalysisSample(id: "s1", text: social, contentType: .social)]
    }

    static let notes = """
        subject: Search indexer follow-up
        to: Sam
        - the search indexer restarts twice a day
        - the restarts happen when the batch import starts at 14:00 UTC
        - we moved the import to 03:00, and the restarts stopped, but the cache still warms slowly after a deploy
        - do not page anyone for it unless it stays down longer than 5 minutes
        """

    func drafter() throws -> NotesDrafter {
        NotesDrafter(samples: Self.samples, style: StyleTargets(contractionRate: 0.95), grammar: try LinkGrammar.english())
    }

    func request(_ platform: Platform, seed: UInt64 = 7, posts: Int? = nil) -> GenerationRequest {
        GenerationRequest(prompt: Self.notes, platform: platform, seed: seed, threadPosts: posts)
    }

    @Test func everyContentWordOfTheNotesIsInTheDraft() throws {
        let outline = NotesOutline.parse(Self.notes)
        let draft = try drafter().draft(outline, request: request(.email))
        let words = { (s: String) in Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)) }
        let missing = words(outline.contentText).subtracting(words(draft.piece.text))
            .subtracting(["do", "not"]) // "do not" may become "don't"
        #expect(missing.isEmpty, "missing: \(missing.sorted())")
    }

    @Test func emailGetsTheSubjectFromTheNotesAndTheWritersOwnFrame() throws {
        let text = try drafter().draft(NotesOutline.parse(Self.notes), request: request(.email)).piece.text
        #expect(text.hasPrefix("Subject: Search indexer follow-up\n\nHi Sam,"))
        #expect(text.hasSuffix("Cheers,\nDana"))
        // The writer contracts nearly always: "do not page" becomes "don't page".
        #expect(text.contains("Don't page") || text.contains("don't page"))
    }

    @Test func aNegativeAfterAndIsContractedForAWriterWhoContracts() throws {
        // The quick start's Dana note: link-grammar 5.11 alone fails "and haven't lost", so the draft had kept "have not".
        let notes = "- we added canary checks last spring and have not lost a weekend since"
        let text = try drafter().draft(NotesOutline.parse(notes), request: GenerationRequest(prompt: notes, platform: .linkedin, seed: 7))
            .piece.text
        #expect(text.contains("haven't lost a weekend"), "\(text)")
    }

    @Test func socialPostsCarryNoEmailFrameAndHashtagsComeFromTheNotes() throws {
        let piece = try drafter().draft(NotesOutline.parse(Self.notes), request: request(.linkedin)).piece
        #expect(!piece.text.contains("Subject:") && !piece.text.contains("Cheers") && !piece.text.contains("Hi Sam"))
        let tags = piece.text.split(separator: "\n").last.map(String.init) ?? ""
        // The fixture writer's one social sample carries two hashtags: two, though LinkedIn would take three.
        #expect(tags.split(separator: " ").count == 2)
        // A run of nouns is one tag ("search indexer" → "#SearchIndexer"): compare without the spaces.
        let squeezed = Self.notes.lowercased().replacingOccurrences(of: " ", with: "")
        for tag in tags.split(separator: " ") {
            #expect(squeezed.contains(tag.dropFirst().lowercased()), "hashtag \(tag) is not from the notes: \(tags)")
        }
        let failed = piece.checks.filter { !$0.passed }
        #expect(failed.isEmpty, "\(failed)")
    }

    @Test func threadsAreNumberedAndEveryPostFits() throws {
        let piece = try drafter().draft(NotesOutline.parse(Self.notes), request: request(.x, posts: 3)).piece
        let posts = piece.text.components(separatedBy: "\n\n").filter { $0.range(of: #" \d+/\d+$"#, options: .regularExpression) != nil }
        #expect(posts.count >= 2)
        let postChecks = piece.checks.filter { $0.name.hasPrefix("post_") }
        #expect(!postChecks.isEmpty && postChecks.allSatisfy { $0.passed })
        #expect(posts.first?.hasSuffix("1/\(posts.count)") == true)
    }

    @Test func theSameSeedGivesTheSameDraft() throws {
        let a = try drafter().draft(NotesOutline.parse(Self.notes), request: request(.linkedin, seed: 42)).piece.text
        let b = try drafter().draft(NotesOutline.parse(Self.notes), request: request(.linkedin, seed: 42)).piece.text
        #expect(a == b)
    }

    @Test func withoutNotesItIsASkeletonWithPlaceholders() throws {
        let piece = try drafter().write(GenerationRequest(prompt: "the indexer", platform: .email, seed: 1))
        #expect(piece.model == "notes-skeleton")
        #expect(piece.text.contains("[hook"))
        #expect(piece.text.contains("[close"))
        #expect(piece.text.contains("Hi [name],"))
    }

    @Test func notesWithoutASubjectGetTheWritersPronounOnlyWhenThatMakesAFullSentence() throws {
        let draft = try drafter().draft(NotesOutline.parse("- shipped the new release on Friday\n- the rollout went well"),
                                        request: request(.generic))
        // The fixture writer says "we" more than "I".
        #expect(draft.piece.text.contains("We shipped the new release on Friday."))
        #expect(draft.edits.contains { $0.kind == "subject" })
    }

    @Test func aNoteThatAsksGetsAQuestionMarkAnInstructionDoesNot() {
        #expect(NotesDrafter.asSentence("would twenty minutes next Thursday be useful") == "Would twenty minutes next Thursday be useful?")
        #expect(NotesDrafter.asSentence("do you deploy on Fridays") == "Do you deploy on Fridays?")
        #expect(NotesDrafter.asSentence("do not promote your best closer by default") == "Do not promote your best closer by default.")
    }

    @Test func notesOutlineReadsFieldsHeadingsAndLists() {
        let outline = NotesOutline.parse("""
            title: Why our builds go red
            ## The numbers
            - most red builds were flakes
              - 612 failures
              - 431 passed on retry

            - we quarantine flaky tests
            tags: testing, ci
            """)
        #expect(outline.title == "Why our builds go red")
        #expect(outline.tags == ["testing", "ci"])
        #expect(outline.groups.count == 2)
        #expect(outline.lines.contains(.listItem("612 failures")))
        #expect(outline.lines.contains(.heading("The numbers")))
        #expect(NotesOutline.looksLikeNotes("- one\n- two"))
        #expect(!NotesOutline.looksLikeNotes("a post about flaky tests"))
    }
}

/// Sentences written to trip the split and join: lists, quotations, parentheses, numbers with separators, names,
/// abbreviations. Every split must leave two full sentences, or not happen.
@Suite("Sentence shaper")
struct SentenceShaperTests {
    let shaper = SentenceShaper(grammar: try? LinkGrammar.english())

    @Test func splitsAtAClauseBoundaryIntoTwoFullSentences() throws {
        let split = try #require(shaper.split(
            "The team fixed the flaky indexer last week, and the batch import now finishes before anyone arrives."))
        #expect(split.first == "The team fixed the flaky indexer last week.")
        #expect(split.second == "The batch import now finishes before anyone arrives.")
        #expect(shaper.isFullSentence(split.first) && shaper.isFullSentence(split.second))
    }

    @Test func neverCutsAListIntoAFragment() {
        let list = "Adoption is slowed by high costs, common misconceptions about privacy, and bias in the training data."
        if let split = shaper.split(list) {
            #expect(shaper.isFullSentence(split.first) && shaper.isFullSentence(split.second))
        }
        #expect(shaper.split("We bought apples, pears, and plums, and then we went home to cook them all.").map {
            shaper.isFullSentence($0.first) && shaper.isFullSentence($0.second)
        } ?? true)
    }

    /// The rewrite eval's three introduced fragments (issue 23) were one split: a list of predicates cut before its
    /// last item, which then stood alone as an imperative. Written again here in other words.
    @Test func neverCutsTheLastItemOfAListOfPredicatesIntoAnImperative() {
        let s = "A longer lunch break can help nurses stay alert, eat something warm away from the ward, and keep the "
            + "patience a night shift needs."
        if let split = shaper.split(s) {
            #expect(!split.second.hasPrefix("Keep"), "\(split)")
        }
        // A joint followed by a clause with its own subject still splits (splitsAtAClauseBoundaryIntoTwoFullSentences).
    }

    @Test func neverSplitsInsideQuotationsOrParentheses() {
        #expect(shaper.split("She said \"we ran the tests, and they all passed\" before the meeting started today.") == nil)
        #expect(shaper.split("The figures (we counted 11,400 runs, and 612 failed) surprised the whole team this month.") == nil)
    }

    @Test func numbersWithSeparatorsAndAbbreviationsAreNotJoints() {
        let s = "We ran 11,400 tests on the U.S. servers and 1,200 more on the ones in Europe last month."
        #expect(shaper.split(s) == nil)
    }

    @Test func joinsOnlyIntoAFullSentence() {
        #expect(shaper.join("The build passed.", "The deployment went out.", with: .commaAnd)
                == "The build passed, and the deployment went out.")
        #expect(shaper.join("The build passed.", "We deployed it.", with: .dash) == "The build passed — we deployed it.")
        // A capitalised word that may be a name is never lower-cased: such sentences are not joined.
        #expect(shaper.join("The build passed.", "Marcus deployed it.", with: .dash) == nil)
        // A question keeps its own mark; a fragment is never joined.
        #expect(shaper.join("Did the build pass?", "The deploy went out.", with: .commaAnd) == nil)
        #expect(shaper.join("The build passed.", "Because of the fix.", with: .commaAnd) == nil)
    }

    @Test func withoutTheParserNothingIsSplitOrJoined() {
        let blind = SentenceShaper(grammar: nil)
        #expect(blind.split("The team fixed the flaky indexer last week, and the batch import now finishes early.") == nil)
        #expect(blind.join("The build passed.", "The deployment went out.", with: .commaAnd) == nil)
    }
}

/// The notes drafter keeps a shaping edit only when the judges do not mark it down (``NotesDrafter/guarded``).
@Suite("Notes drafter edit guard")
struct NotesDrafterGuardTests {
    /// Marks down one contraction: the voice match falls 30 points when the text says "Don't page".
    struct DislikesOneContraction: EditScoring {
        func editScore(_ text: String) -> EditScore {
            EditScore(voiceMatch: text.contains("Don't page") || text.contains("don't page") ? 40 : 70, aiLikeness: 20)
        }
    }

    @Test func anEditThatLowersTheVoiceMatchIsPutBackAndTheOthersStay() throws {
        let tests = NotesDrafterTests()
        let draft = try tests.drafter().draft(NotesOutline.parse(NotesDrafterTests.notes), request: tests.request(.email))
        // The premise: the drafter contracted "do not page", and made other edits too.
        #expect(draft.piece.text.contains("on't page"), "\(draft.piece.text)")
        let others = draft.edits.filter { !$0.after.contains("on't page") }
        let guarded = NotesDrafter.guarded(draft, scorer: DislikesOneContraction())
        #expect(guarded.piece.text.contains("o not page"), "\(guarded.piece.text)")
        #expect(guarded.edits.contains { $0.kind.hasPrefix("not kept") && $0.reason.hasPrefix("lowered voice match (70 → 40)") },
                "\(guarded.edits)")
        // Edits the judge does not mind stay as drafted.
        for edit in others where draft.piece.text.contains(edit.after) {
            #expect(guarded.piece.text.contains(edit.after), "\(edit)")
        }
        // A judge that minds nothing changes nothing.
        struct Indifferent: EditScoring { func editScore(_ text: String) -> EditScore { EditScore(voiceMatch: 50, aiLikeness: 20) } }
        #expect(NotesDrafter.guarded(draft, scorer: Indifferent()).piece.text == draft.piece.text)
    }
}
