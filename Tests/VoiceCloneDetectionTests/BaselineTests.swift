import Testing
import VoiceCloneAnalysis
@testable import VoiceCloneDetection
import VoiceCloneTestSupport

/// With a writer's baseline, their own habits are not held against a text.
@Suite("Per-writer baseline")
struct BaselineTests {
    let detector = Detector()

    static let dashWriterSamples = (0..<4).map { k in
        """
        I wrote the migration on day \(k) — slowly, with the old schema open beside me. It worked — mostly. The index \
        build took an hour — longer than I'd hoped — and I watched it the whole time. Next time I'll batch it — or \
        at least run it at night. Moreover, I'll write the rollback first.
        """
    }

    @Test func aDashLoverIsNotFlaggedForDashes() {
        let draft = "The release went out on time — barely. We fixed two bugs — both in billing. The rest can wait — until Monday."
        let plain = detector.detect(draft)
        let baseline = DetectionBaseline(clone: "dasher", samples: Self.dashWriterSamples, detector: detector)
        let judged = detector.detect(draft, baseline: baseline)
        let dashes = { (r: DetectionResult) in r.signals.first { $0.name == "em_dashes" }! }
        #expect(dashes(plain).contribution > 0)
        #expect(dashes(judged).contribution < 0.01)
        #expect(dashes(judged).baseline ?? 0 > 10)
        #expect(plain.flags.contains { $0.signals.contains("em_dashes") })
        #expect(!judged.flags.contains { $0.signals.contains("em_dashes") })
        #expect(judged.score <= plain.score)
        #expect(judged.baseline == "dasher")
    }

    @Test func aPhraseTheWriterUsesIsNotEvidence() {
        let baseline = DetectionBaseline(clone: "dasher", samples: Self.dashWriterSamples, detector: detector)
        #expect(baseline.habitualPhrases.contains("moreover"))
        let draft = "We shipped it. Moreover, the tests passed. Then we went home."
        #expect(detector.detect(draft).flags.contains { $0.sentence.hasPrefix("Moreover") })
        #expect(!detector.detect(draft, baseline: baseline).flags.contains { $0.sentence.hasPrefix("Moreover") })
    }

    @Test func aBaselineFromDNA() throws {
        let samples = Self.dashWriterSamples.enumerated().map { AnalysisSample(id: "s\($0.offset)", text: $0.element) }
        var options = AnalysisOptions()
        options.minimumWords = 10
        var dna = try VoiceAnalyzer(options: options).analyze(samples)
        dna.clone = "dasher"
        let baseline = DetectionBaseline(dna: dna)
        #expect(baseline.clone == "dasher")
        #expect((baseline.values[.emDashes] ?? 0) > 10)
        #expect(baseline.inputs[.emDashes] == 1)
        let draft = "The release went out on time — barely. We fixed two bugs — both in billing."
        #expect(detector.detect(draft, baseline: baseline).score <= detector.detect(draft).score)
    }

    @Test func aPlainWriterEarnsTheTextNoExtraSuspicion() {
        let plainSamples = ["We met. We talked. We left at six and nobody said much about the plan, which was fine by me."]
        let baseline = DetectionBaseline(clone: "plain", samples: plainSamples, detector: detector)
        let draft = DetectionFixtures.human
        #expect(detector.detect(draft, baseline: baseline).score <= detector.detect(draft).score)
    }
}
