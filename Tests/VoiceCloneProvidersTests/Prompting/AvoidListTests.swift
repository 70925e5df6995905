import Foundation
import Testing
import VoiceCloneAnalysis
import VoiceCloneDetection
@testable import VoiceCloneGeneration
@testable import VoiceCloneProviders
import VoiceCloneTestSupport

/// The per-writer avoid-list: the detector's full lists minus what this writer uses, the same list for the
/// prompt, the refine feedback and the detector's own forgiveness.
@Suite struct AvoidListTests {
    /// A writer who says "vibrant" and "crucial" in several samples, and opens with "However" now and then.
    static let samples = [
        "The market was vibrant this morning. Crucial detail: the fishmonger was back. However, the bread was gone by nine.",
        "A vibrant little square, loud and warm. It is crucial to go early. However, nobody ever does.",
        "My street is vibrant on Saturdays and dead on Sundays. Timing is crucial. I like both days.",
    ]

    @Test func wordsTheWriterUsesAreLeftOutAndTheRestAreAllThere() {
        let detector = Detector()
        let habitual = DetectionBaseline.habitualPhrases(samples: Self.samples, detector: detector)
        #expect(habitual.contains("vibrant") && habitual.contains("crucial"))
        let avoid = AvoidList.build(lexicon: detector.lexicon, habitual: habitual)
        #expect(!avoid.contains("vibrant") && !avoid.contains("crucial"))
        #expect(avoid.writerUses.contains("vibrant"))
        #expect(!avoid.phrases.contains("plays a crucial role"), "a phrase built on a word the writer uses is not forbidden")
        // What the issue found missing from the old 26-item list is all there now.
        for word in ["foster", "pivotal", "showcase", "enhance", "ensure", "delve", "tapestry"] {
            #expect(avoid.contains(word), "\(word) is missing")
        }
        #expect(avoid.contains("in today's fast-paced world") && avoid.contains("moreover"))
        // Every entry of the detector's lists is either on the list or used by the writer.
        let bundled = AvoidList.build(lexicon: .bundled, habitual: [])
        #expect(bundled.all.count > 200)
        #expect(bundled.all.count >= avoid.all.count + 2)

        // The same baseline the detector judges by gives the same list.
        let baseline = DetectionBaseline(clone: "m", samples: Self.samples, detector: detector)
        #expect(baseline.avoidList(lexicon: detector.lexicon) == avoid)
        // ... and the detector does not flag what the list allows.
        let result = detector.detect("The square was vibrant. Timing is crucial.", baseline: baseline)
        #expect(!result.flags.contains { $0.reasons.joined().contains("vibrant") })
    }

    @Test func promptWarnsOffTheRestAndNotTheWritersOwnWords() throws {
        let analysed = Self.samples.enumerated().map { AnalysisSample(id: "m\($0.offset)", text: $0.element) }
        let detector = Detector()
        var prompt = VoicePrompt(writer: "Mara", dna: nil, samples: analysed, platform: .blog)
        prompt.avoid = AvoidList.build(lexicon: detector.lexicon,
                                       habitual: DetectionBaseline.habitualPhrases(samples: Self.samples, detector: detector))
        let system = try prompt.messages(prompt: "the market", length: nil, threadPosts: nil)[0].content
        let avoidSection = try #require(system.components(separatedBy: "## Avoid").last?.components(separatedBy: "## ").first)
        #expect(!avoidSection.contains("vibrant") && !avoidSection.contains("crucial"))
        #expect(avoidSection.contains("foster (say build)") && avoidSection.contains("showcase (say show)"))
        #expect(avoidSection.contains("\"in today's fast-paced world\""))
    }

    @Test func rewriteInstructionsUseTheSameList() throws {
        let analysed = Self.samples.enumerated().map { AnalysisSample(id: "m\($0.offset)", text: $0.element) }
        let more = analysed + GenerationFixtures.samples.enumerated().map { AnalysisSample(id: "g\($0.offset)", text: $0.element) }
        let dna = try VoiceAnalyzer().analyze(more)
        let baseline = DetectionBaseline(clone: "m", samples: Self.samples, detector: Detector())
        let guidance = RewriteGuidance(dna: dna, style: RewriteStyle(dna: dna, samples: Self.samples),
                                       detection: Detector().detect("Moreover, it fosters growth.", baseline: baseline),
                                       baseline: baseline)
        let text = guidance.instructions()
        #expect(text.contains("foster") && text.contains("pivotal"))
        #expect(!text.contains("vibrant"))
    }
}
