import Testing
@testable import VoiceCloneDetection
import VoiceCloneTestSupport

/// `detect --clone`: a writer whose own samples are full of a "tell" is not flagged for it.
@Suite("A writer's own tells")
struct WriterTellTests {
    let detector = Detector()

    /// A (fictional) writer who genuinely loves "delve", "tapestry" and "vibrant", and opens with "Additionally,".
    static let samples = (0..<5).map { k in
        """
        On walk \(k) we delve into the old market, a vibrant tapestry of stalls and shouting. Additionally, the fish \
        man waves. I delve into the crates of apples while my brother argues about the price of pears. The whole \
        street is a tapestry of noise, vibrant and rude. Additionally, it smells of smoke.
        """
    }

    static let draft = """
        Today we delve into the harbour, a vibrant tapestry of boats and gulls. Additionally, the ferry was late. \
        I delve into my coat pockets for the tickets while the crowd grows. The pier is a tapestry of ropes, \
        vibrant and wet. Additionally, the rain starts.
        """

    @Test func aWriterIsNotFlaggedForTheirOwnTells() {
        let baseline = DetectionBaseline(clone: "market-writer", samples: Self.samples, detector: detector)
        #expect(baseline.habitualPhrases.isSuperset(of: ["tapestry", "vibrant"]))
        #expect(baseline.style != nil)
        let plain = detector.detect(Self.draft)
        let judged = detector.detect(Self.draft, baseline: baseline)
        let vocabulary = { (r: DetectionResult) in r.signals.first { $0.name == "ai_vocabulary" }!.contribution }
        #expect(vocabulary(plain) > 0.1)
        #expect(vocabulary(judged) == 0)
        #expect(plain.flags.contains { $0.signals.contains("ai_vocabulary") })
        #expect(!judged.flags.contains { $0.signals.contains("ai_vocabulary") })
        #expect(!judged.flags.contains { $0.sentence.hasPrefix("Additionally") })
        #expect(judged.score <= plain.score)
        // Style families the writer already shows are forgiven, never made worse.
        for (p, j) in zip(plain.style, judged.style) { #expect(j.contribution <= max(0, p.contribution) + 1e-9) }
    }

    @Test func theSameTellsStillCountWithoutThatWriter() {
        let other = DetectionBaseline(clone: "plain", samples: ["We met at six. Nobody said much and I went home early."], detector: detector)
        let judged = detector.detect(Self.draft, baseline: other)
        #expect(judged.flags.contains { $0.signals.contains("ai_vocabulary") })
    }
}
