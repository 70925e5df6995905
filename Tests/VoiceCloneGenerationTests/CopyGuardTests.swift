import Testing
@testable import VoiceCloneGeneration
import VoiceCloneTestSupport

@Suite struct CopyGuardTests {
    let copyGuard = CopyGuard(samples: [
        "The cat sat on the mat today, and nobody minded at all.",
        "Dogs bark at the postman every morning.",
    ], limit: 5)

    @Test func findsTheLongestSharedRun() {
        #expect(copyGuard.longestSharedRun("A cat sat on the mat yesterday.") == 5)
        #expect(copyGuard.longestSharedRun("Nothing here matches anything whatsoever.") == 0)
        #expect(copyGuard.longestSharedRun("Zebras cat graze.") == 1)
        #expect(copyGuard.longestSharedRun("Zebras the cat graze.") == 2)
        #expect(copyGuard.longestSharedRun("") == 0)
    }

    @Test func ignoresCaseAndPunctuation() {
        #expect(copyGuard.longestSharedRun("THE CAT — sat; on THE mat!") == 6)
        #expect(copyGuard.longestSharedRun("mat today and nobody minded") == 5)
    }

    @Test func runsDoNotSpanTwoSamples() {
        // "at all dogs bark" would join the end of one sample to the start of the next.
        #expect(copyGuard.longestSharedRun("minded at all dogs bark at") == 3)
    }

    @Test func reportsCopiedSpans() {
        let spans = copyGuard.copiedSpans("Well, the cat sat on the mat today. Dogs bark at the postman every day.")
        #expect(spans == [1..<8, 8..<14])
        #expect(!copyGuard.isOriginal("the cat sat on the mat"))
        #expect(copyGuard.isOriginal("the cat sat on a mat"))
    }

    @Test func limitHasAFloor() {
        #expect(CopyGuard(samples: ["a b c"], limit: 1).limit == 3)
        #expect(CopyGuard(samples: ["one two three four"]).limit == 12)
        #expect(CopyGuard(samples: ["one two three four", "five six"]).sampleWordCount == 6)
    }

    @Test(arguments: [6, 12])
    func guardHoldsOnACorpusBuiltToTemptCopying(limit: Int) throws {
        let engine = try LocalEngine(
            samples: GenerationFixtures.repetitive, options: LocalEngineOptions(copyLimit: limit))
        let independent = CopyGuard(samples: GenerationFixtures.repetitive, limit: limit)
        for seed in UInt64(1)...8 {
            let piece = try engine.write(GenerationRequest(
                prompt: "the fox and the dog", platform: .generic, length: .words(120), seed: seed))
            let run = independent.longestSharedRun(piece.text)
            #expect(run < limit, "seed \(seed): \(run)-word run in \(piece.text)")
            #expect(piece.longestCopiedRun == run)
            #expect(WordHasher.words(piece.text).count >= 60)
        }
    }
}
