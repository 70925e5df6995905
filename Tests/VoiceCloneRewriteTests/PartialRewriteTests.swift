import Testing
@testable import VoiceCloneRewrite

/// Keeping some of a rewrite's changes and putting the rest back as the draft had them, for the web app's
/// accept-or-reject-each-edit view: every change on its own, and what sits between changes kept byte for byte.
@Suite("Keeping part of a rewrite")
struct PartialRewriteTests {
    let draft = "It is important to note that we shipped late. The team worked hard.\n\nWe fixed the build. In conclusion, it went well."
    // Change 0 rewords the first sentence; the second paragraph's two sentences are changes 1 and 2.
    let rewritten = "We shipped late. The team worked hard.\n\nWe fixed it. The build is green."

    @Test func theChangesAreTheOnesTheDiffShows() {
        let diff = RewriteDiff.between(draft, rewritten)
        #expect(diff.changes.map(\.before) == [
            ["It is important to note that we shipped late."], ["We fixed the build."], ["In conclusion, it went well."],
        ])
        #expect(diff.changes.map(\.after) == [["We shipped late."], ["We fixed it."], ["The build is green."]])
    }

    @Test func keepingEveryChangeIsTheRewriteAndKeepingNoneIsTheDraft() {
        let count = RewriteDiff.between(draft, rewritten).changes.count
        #expect(RewriteDiff.keeping(Set(0..<count), draft: draft, rewritten: rewritten) == rewritten)
        #expect(RewriteDiff.keeping([], draft: draft, rewritten: rewritten) == draft)
    }

    @Test func aRejectedChangeComesBackAsWrittenAndTheParagraphBreakStays() {
        #expect(RewriteDiff.keeping([1, 2], draft: draft, rewritten: rewritten)
                == "It is important to note that we shipped late. The team worked hard.\n\nWe fixed it. The build is green.")
        #expect(RewriteDiff.keeping([1], draft: draft, rewritten: rewritten)
                == "It is important to note that we shipped late. The team worked hard.\n\nWe fixed it. In conclusion, it went well.")
        #expect(RewriteDiff.keeping([0], draft: draft, rewritten: rewritten)
                == "We shipped late. The team worked hard.\n\nWe fixed the build. In conclusion, it went well.")
    }

    @Test func aSplitIsOneChangeAndRejectingItRejoinsTheSentence() {
        let joined = "We met at nine, and the plan was set by ten. Then lunch."
        let split = "We met at nine. The plan was set by ten. Then lunch."
        let diff = RewriteDiff.between(joined, split)
        #expect(diff.changes.count == 1)
        #expect(diff.changes[0].after == ["We met at nine.", "The plan was set by ten."])
        #expect(RewriteDiff.keeping([], draft: joined, rewritten: split) == joined)
    }

    @Test func anAddedSentenceCanBeRejectedAndADroppedOneRestored() {
        let added = "One. Two.\n\nThree."
        let withExtra = "One. New here. Two.\n\nThree."
        #expect(RewriteDiff.between(added, withExtra).changes.map(\.after) == [["New here."]])
        #expect(RewriteDiff.keeping([], draft: added, rewritten: withExtra) == added)
        let dropped = "One. Three."
        let full = "One. Two. Three."
        #expect(RewriteDiff.between(full, dropped).changes.map(\.before) == [["Two."]])
        #expect(RewriteDiff.keeping([], draft: full, rewritten: dropped) == full)
        #expect(RewriteDiff.keeping([0], draft: full, rewritten: dropped) == dropped)
        let droppedFirst = "Two. Three."
        #expect(RewriteDiff.keeping([], draft: full, rewritten: droppedFirst) == full)
    }
}
