import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneDetection
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
@testable import VoiceCloneRewrite
import VoiceCloneTestSupport

/// A judge that marks down two edits: the voice match falls 40 points when the second sentence is changed, and
/// AI-likeness rises 5 points when the third is; any other text scores as the draft did. Deterministic, so the
/// test knows which edits must go.
private struct MarkedDownScorer: EditScoring {
    func editScore(_ text: String) -> EditScore {
        EditScore(voiceMatch: text.contains(EditGuardTests.second) ? 60 : 20,
                  aiLikeness: text.contains(EditGuardTests.third) ? 50 : 55)
    }
}

/// Counts how often it is asked, to hold the guard to one score per changed stretch plus one for the draft.
private final class CountingScorer: EditScoring, @unchecked Sendable {
    var calls = 0
    func editScore(_ text: String) -> EditScore {
        calls += 1
        return EditScore(voiceMatch: 50, aiLikeness: 50)
    }
}

@Suite("Rewrite edit guard")
struct EditGuardTests {
    func guidance(_ draft: String) throws -> RewriteGuidance {
        var options = AnalysisOptions()
        options.minimumWords = 10
        let dna = try VoiceAnalyzer(options: options).analyze([AnalysisSample(id: "a", text: DetectionFixtures.human)])
        return RewriteGuidance(dna: dna, style: RewriteTests.casualStyle, detection: Detector().detect(draft))
    }

    static let second = "We are not ready for the launch next week at all."
    static let third = "I do not know the answer to the question from the board."
    static let draft = "It is not done yet, and the whole team knows it well. " + second + " " + third
        + " You are not late for the meeting with the new clients today."

    @Test func anEditThatLowersTheVoiceMatchOrRaisesAILikenessIsNotKept() throws {
        var guidance = try guidance(Self.draft)
        guidance.dna.lexical.contractionsPerThousand = 300
        // No sentence longer than 15 words, so the second and third are not joined into one stretch.
        guidance.style.longSentence = 15
        // The premise: without a judge, the second and third sentences are edited, and so is another.
        let free = LocalRewriter().rewriteWithEdits(Self.draft, guidance: guidance)
        #expect(!free.text.contains(Self.second) && !free.text.contains(Self.third), "\(free.text)")
        #expect(!free.text.contains("You are not late"), "\(free.text)")

        let guarded = LocalRewriter(scorer: MarkedDownScorer()).rewriteWithEdits(Self.draft, guidance: guidance)
        #expect(guarded.text.contains(Self.second), "\(guarded.text)")
        #expect(guarded.text.contains(Self.third), "\(guarded.text)")
        // The other sentences' edits stay.
        #expect(!guarded.text.contains("You are not late"), "\(guarded.text)")
        #expect(!guarded.text.hasPrefix("It is not done yet, and"), "\(guarded.text)")
        #expect(guarded.counts["not kept: lowered voice match"] == 1, "\(guarded.counts)")
        #expect(guarded.counts["not kept: raised ai-likeness"] == 1, "\(guarded.counts) \(free.text) → \(guarded.text)")
        // `--diff` says why.
        let diff = RewriteDiff.between(Self.draft, guarded.text, edits: guarded.edits)
        #expect(diff.notKept.contains { $0.reasons.contains { $0.contains("lowered voice match (60 → 20)") } }, "\(diff.notKept)")
        #expect(diff.notKept.contains { $0.reasons.contains { $0.contains("raised AI-likeness (50 → 55)") } }, "\(diff.notKept)")
        #expect(diff.unified.contains("not kept: contraction: lowered voice match"), "\(diff.unified)")
        // The final text scores no worse than the draft on either judge.
        let judge = MarkedDownScorer()
        #expect(EditGuard().refusal(before: judge.editScore(Self.draft), after: judge.editScore(guarded.text)) == nil)
    }

    @Test func theGuardScoresOncePerChangedStretch() throws {
        let scorer = CountingScorer()
        var guidance = try guidance(Self.draft)
        guidance.dna.lexical.contractionsPerThousand = 300
        let result = LocalRewriter(scorer: scorer).rewriteWithEdits(Self.draft, guidance: guidance)
        let changed = RewriteDiff.between(Self.draft, result.text).changes.count
        #expect(changed > 0)
        // A split or a join is one stretch however many sentences it touches.
        #expect(scorer.calls > 1 && scorer.calls <= changed + 1, "\(scorer.calls) scores for \(changed) changed sentences")
    }

    @Test func smallLossesCannotAddUp() {
        // Each step costs 0.8 points, under the 1-point tolerance, but against the draft the third is refused.
        let scores = [60.0, 59.2, 58.4, 57.6]
        struct Stepper: EditScoring {
            let table: [Double]
            func editScore(_ text: String) -> EditScore {
                EditScore(voiceMatch: table[min(text.count, table.count - 1)], aiLikeness: 10)
            }
        }
        let verdict = EditGuard().filter(groups: 3, scorer: Stepper(table: scores)) { kept in
            String(repeating: "x", count: kept.count)
        }
        #expect(verdict.kept == [0])
        #expect(verdict.refused.map(\.index) == [1, 2])
    }

    @Test func aLossWithinTheScoresOwnNoiseIsKeptOneBeyondItIsRefused() {
        let rule = EditGuard()
        // A 200-word text: the band spans 40 points, so a 3-point wobble from swapping a word is noise...
        let short = EditScore(voiceMatch: 28, aiLikeness: 100, voiceBand: 40)
        #expect(rule.refusal(before: short, after: EditScore(voiceMatch: 25, aiLikeness: 100, voiceBand: 40)) == nil)
        // ...while a fall of most of the band (52 → 14 on one split and one contraction) is not.
        let paragraph = EditScore(voiceMatch: 52, aiLikeness: 60, voiceBand: 40)
        #expect(rule.refusal(before: paragraph, after: EditScore(voiceMatch: 14, aiLikeness: 58, voiceBand: 40)) != nil)
        // A long text's narrow band, or a judge that gives none, leaves the one-point floor.
        let long = EditScore(voiceMatch: 80, aiLikeness: 40, voiceBand: 2)
        #expect(rule.refusal(before: long, after: EditScore(voiceMatch: 77, aiLikeness: 40, voiceBand: 2)) != nil)
        #expect(rule.refusal(before: EditScore(voiceMatch: 28, aiLikeness: 100),
                             after: EditScore(voiceMatch: 25, aiLikeness: 100)) != nil)
        // AI-likeness rises by at most the one point of rounding noise, whatever the voice's band.
        #expect(rule.refusal(before: short, after: EditScore(voiceMatch: 28, aiLikeness: 102, voiceBand: 40)) != nil)
    }

    @Test func onATextTooShortForADetectionVerdictTheAIAllowanceFollowsTheDetectorsBand() {
        let rule = EditGuard()
        // 60 words: the detector withholds its verdict and gives a band of 90 points, so 31 → 38 is noise...
        let short = EditScore(voiceMatch: 40, aiLikeness: 31, voiceBand: 40, aiBand: 90)
        #expect(rule.aiAllowance(short) == 22.5)
        #expect(rule.refusal(before: short, after: EditScore(voiceMatch: 40, aiLikeness: 38, voiceBand: 40, aiBand: 90)) == nil)
        // ...but a jump across most of the band is still refused...
        #expect(rule.refusal(before: short, after: EditScore(voiceMatch: 40, aiLikeness: 70, voiceBand: 40, aiBand: 90)) != nil)
        // ...and with a verdict (no band) the one-point floor holds.
        let long = EditScore(voiceMatch: 40, aiLikeness: 31, voiceBand: 40)
        #expect(rule.refusal(before: long, after: EditScore(voiceMatch: 40, aiLikeness: 38, voiceBand: 40)) != nil)
    }

    @Test func aGroupThatOnlyTakesOutTellsAnswersToAILikenessAloneAndSetsTheLevelAfterIt() {
        // Group 0 takes out a tell: voice 60 → 30 (noise on a short text), AI-likeness 80 → 70: kept.
        // Group 1 is a voice edit costing 0.5 from there: kept. Group 2 costs 5 more: refused.
        struct Table: EditScoring {
            func editScore(_ text: String) -> EditScore {
                switch text {
                case "": return EditScore(voiceMatch: 60, aiLikeness: 80)
                case "0": return EditScore(voiceMatch: 30, aiLikeness: 70)
                case "01": return EditScore(voiceMatch: 29.5, aiLikeness: 70)
                default: return EditScore(voiceMatch: 24.5, aiLikeness: 70)
                }
            }
        }
        let verdict = EditGuard().filter(groups: 3, scorer: Table(), judgedOnVoice: { $0 != 0 }) { kept in
            kept.sorted().map(String.init).joined()
        }
        #expect(verdict.kept == [0, 1])
        #expect(verdict.refused.map(\.index) == [2])
        // Judged on voice like the others, the tell's group would have gone.
        #expect(EditGuard().filter(groups: 1, scorer: Table()) { $0.sorted().map(String.init).joined() }.kept.isEmpty)
    }

    @Test func aRefusedChainShowsWhatTheTextKeepsNotAnIntermediateSentence() {
        let draft = "It is late, and we are tired. Rain fell."
        let contracted = "It's late, and we are tired."
        let edits = [
            ShapingEdit(kind: "not kept: contraction", before: "It is late, and we are tired.", after: contracted,
                        reason: "lowered voice match (40 → 20); it was made because the writer contracts"),
            ShapingEdit(kind: "not kept: split sentence", before: contracted, after: "It's late. We are tired.",
                        reason: "lowered voice match (40 → 20); it was made because the writer's sentences are short"),
        ]
        let diff = RewriteDiff.between(draft, draft, edits: edits)
        #expect(diff.changes.isEmpty)
        #expect(diff.notKept == [RewriteDiff.Change(before: ["It is late, and we are tired."], after: ["It's late. We are tired."],
                                                    reasons: ["contraction: " + edits[0].reason, "split sentence: " + edits[1].reason])])
        #expect(!diff.unified.contains("kept: It's late, and"), "\(diff.unified)")
    }
}
