import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneDetection
@testable import VoiceCloneGeneration
@testable import VoiceCloneRewrite
import VoiceCloneGrammar
import VoiceCloneTestSupport

/// Issue 23, ninth pass: a colon is refused as a joint only before a list (a comma before the closing "and"/"or",
/// two commas, or semicolons), and the splits that open a sentence on "But", "So", "This is because" … are made only
/// for a writer who opens sentences that way.
@Suite("Rewrite: colon lists and the writer's openers")
struct ShapingOpenersTests {
    let grammar = try? LinkGrammar.english()

    func splits(_ s: String, openers: Set<String>? = nil) throws -> [String] {
        let parser: LinkGrammar = try #require(grammar)
        let shaper = SentenceShaper(grammar: parser, writerOpeners: openers)
        return shaper.joints(in: s, minimumWords: 3, joints: SentenceShaper.extendedJoints)
            .filter { !LocalRewriter.closesList(s, $0) }.compactMap { shaper.split(s, at: $0) }
            .map { $0.first + " " + $0.second }
    }

    @Test func aColonIsCutBeforeASentenceButNeverBeforeAList() throws {
        // One comma and a later "and" inside a phrase: a sentence, not a list (the guard had refused it).
        #expect(try splits("But there's a catch: every graph is different, with its own unique shape and size.")
            .contains("But there's a catch. Every graph is different, with its own unique shape and size."))
        #expect(try splits("The reason was plain: the old server was slow, with too little memory and disk.")
            .contains("The reason was plain. The old server was slow, with too little memory and disk."))
        // Lists after a colon stay whole: an Oxford comma, two commas without one, ", or", semicolons.
        for list in ["The quarter brought three changes: the team shrank, the budget grew, and the deadline moved.",
                     "The quarter brought four changes: the team shrank, the budget grew, the office moved and the deadline slipped.",
                     "We had two options: we could wait for the vendor, or we could build the tool ourselves.",
                     "The plan had three parts: the team would shrink; the budget would grow; the deadline would move."] {
            let head = String(list.prefix { $0 != ":" })
            #expect(try splits(list).allSatisfy { !$0.hasPrefix(head + ". ") }, "\(list)")
        }
        #expect(SentenceShaper.readsAsList("apples, pears, plums and figs"))
        #expect(!SentenceShaper.readsAsList("every graph is different, with its own unique shape and size."))
    }

    static let frontedBecause = "Because the rollback takes two minutes, a bad release costs us very little."
    static let frontedAlthough = "Although the rollout was slow at first, the team finished the migration in March."
    static let trailingBecause = "We deploy on Friday afternoons, because the rollback takes only two minutes."

    @Test func soAndButOpenASentenceOnlyForAWriterWhoOpensWithThem() throws {
        // A writer who opens with "So" and "But" (and "This") gets the reworded splits.
        #expect(try splits(Self.frontedBecause, openers: ["so", "but", "this"])
            .contains("The rollback takes two minutes. So a bad release costs us very little."))
        #expect(try splits(Self.frontedAlthough, openers: ["but"])
            .contains("The rollout was slow at first. But the team finished the migration in March."))
        #expect(try splits(Self.trailingBecause, openers: ["this"])
            .contains("We deploy on Friday afternoons. This is because the rollback takes only two minutes."))
        // One who never does gets none of them.
        #expect(try splits(Self.frontedBecause, openers: ["but", "this"]).allSatisfy { !$0.contains(". So ") })
        #expect(try splits(Self.frontedAlthough, openers: ["so"]).allSatisfy { !$0.contains(". But ") })
        #expect(try splits(Self.trailingBecause, openers: ["so", "but"]).allSatisfy { !$0.contains(". This is because") })
        // A split that adds no such opener is not gated.
        #expect(try splits("The council approved the new budgets, which include money for three schools.", openers: [])
            .contains("The council approved the new budgets. They include money for three schools."))
    }

    @Test func theWritersOpenersAreMeasuredFromTheirSamples() {
        let samples = ["I tried it twice. So I stopped. The rest was easy.\n\nBut not for long.",
                       "**So** we went home. This was the plan all along."]
        #expect(RewriteStyle.sentenceOpeners(samples) == ["so", "but", "this"])
        #expect(RewriteStyle.sentenceOpeners(["I tried it twice. We stopped. Nobody minded, so we left."]).isEmpty)
    }

    @Test func theRewriteMakesNoSoSplitForAWriterWhoNeverOpensWithSo() throws {
        _ = try #require(grammar)
        let plan = LengthPlanTests()
        for (draft, opener) in [(Self.frontedBecause, "so"), (Self.frontedAlthough, "but")] {
            var g = try plan.guidance(draft, percentiles: [2, 4, 6, 9, 13], longest: 30)
            let cut = ". " + opener.prefix(1).uppercased() + opener.dropFirst() + " "
            g.style.sentenceOpeners = [opener]
            let habitual = LocalRewriter().rewriteWithEdits(draft, guidance: g)
            #expect(habitual.text.contains(cut), "\(habitual.text)")
            g.style.sentenceOpeners = ["this", "and"]
            let never = LocalRewriter().rewriteWithEdits(draft, guidance: g)
            #expect(!never.text.contains(cut), "\(never.text)")
            #expect(never.counts["refused: opener this writer does not use"] == 1, "\(never.counts)")
        }
    }
}
