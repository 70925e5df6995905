import Testing
@testable import VoiceCloneDetection
import VoiceCloneTestSupport

/// Every signal on a text written to trigger it and one written not to.
@Suite("Detection signals")
struct SignalTests {
    let detector = Detector()

    func measurement(_ kind: DetectionSignalKind, _ text: String) -> SignalMeasurement {
        detector.measure(text).measurements.first { $0.kind == kind }!
    }

    @Test func aiVocabulary() {
        let hit = measurement(.aiVocabulary, "We delve into the rich tapestry of ideas. It is a testament to the team. In today's fast-paced world, it matters.")
        let miss = measurement(.aiVocabulary, "We looked at the ideas. The team did well. It matters now more than it did.")
        #expect(hit.value > 10)
        #expect(hit.input > 0)
        #expect(miss.value == 0)
        // "realms" is not "realm": matching is by whole word.
        #expect(measurement(.aiVocabulary, "The realms of old maps were drawn by hand.").value == 0)
    }

    @Test func lowBurstiness() {
        let even = (0..<10).map { "Sentence number \($0) has exactly seven words here." }.joined(separator: " ")
        let varied = "Short one. Then a much longer sentence that wanders on for quite a while before it finally reaches a point worth making. Yes. Another medium sentence with a few more words. And then one that goes on and on, clause after clause, longer than anyone would like."
        let e = measurement(.lowBurstiness, even), v = measurement(.lowBurstiness, varied)
        #expect(e.value < -0.8)
        #expect(v.value > -0.4)
        #expect(e.input > v.input)
        #expect(!measurement(.lowBurstiness, "One sentence only.").measurable)
    }

    @Test func lowLexicalVariety() {
        let repetitive = Array(repeating: "the cat sat on the mat and the cat sat", count: 14).joined(separator: " ") + "."
        let varied = DetectionFixtures.human
        let r = measurement(.lowLexicalVariety, repetitive), v = measurement(.lowLexicalVariety, varied)
        #expect(r.value < 0.3)
        #expect(v.value > 0.6)
        #expect(r.input > v.input)
    }

    @Test func uniformParagraphs() {
        let paragraph = "This paragraph has a steady size. It keeps to two sentences of similar length."
        let uniform = Array(repeating: paragraph, count: 4).joined(separator: "\n\n")
        let varied = "Short.\n\n" + Array(repeating: paragraph, count: 5).joined(separator: " ") + "\n\nAnother short one here.\n\n" + paragraph
        let u = measurement(.uniformParagraphs, uniform), v = measurement(.uniformParagraphs, varied)
        #expect(u.value < 0.05 && u.input > 0.9)
        #expect(v.value > 0.8)
        #expect(!measurement(.uniformParagraphs, paragraph).measurable)
    }

    @Test func stackedTransitions() {
        let stacked = "The plan works. Moreover, it is cheap. Furthermore, it is fast. Additionally, it scales."
        let plain = "The plan works. It is cheap. It is fast, and it scales."
        #expect(measurement(.stackedTransitions, stacked).value == 0.75)
        #expect(measurement(.stackedTransitions, plain).value == 0)
        // "Overall results" is not a connective opening: the phrase must be the sentence's first words.
        #expect(measurement(.stackedTransitions, "We won. However the ball was flat.").value == 0.5)
    }

    @Test func ruleOfThree() {
        #expect(SignalMeter.triads(in: "we value speed, quality, and trust.") == 1)
        #expect(SignalMeter.triads(in: "we value speed, quality and trust.") == 1)
        #expect(SignalMeter.triads(in: "it builds trust, drives results, and fosters growth.") == 1)
        #expect(SignalMeter.triads(in: "we value speed and trust.") == 0)
        #expect(SignalMeter.triads(in: "bring tea, milk, sugar, and cups.") == 0)
        #expect(measurement(.ruleOfThree, "We value speed, quality, and trust. We ship.").value == 0.5)
    }

    @Test func notJustButY() {
        #expect(measurement(.notJustButY, "It's not just a tool, but a partner.").value == 1)
        #expect(measurement(.notJustButY, "This is not only fast but also cheap.").value == 1)
        #expect(measurement(.notJustButY, "It is a tool. I do not like it, but it works.").value == 0)
    }

    @Test func hedgingAndSignposting() {
        let hedged = "It's important to note that the test failed. In this article, we explain why. In conclusion, it failed."
        #expect(measurement(.hedgingSignposting, hedged).value > 10)
        #expect(measurement(.hedgingSignposting, "The test failed because the clock drifted.").value == 0)
    }

    @Test func emojiBullets() {
        let emoji = "What we shipped:\n\n- ✅ Faster builds\n- 🚀 A new dashboard\n- 🔒 Better access control\n"
        let plain = "What we shipped:\n\n- Faster builds\n- A new dashboard\n- Better access control\n"
        #expect(measurement(.emojiBullets, emoji).value == 1)
        #expect(measurement(.emojiBullets, plain).value == 0)
        #expect(!measurement(.emojiBullets, "No list here at all.").measurable)
    }

    @Test func titleCaseHeadings() {
        let titled = "# Key Strategies for Team Success\n\nSome text.\n\n## Why Feedback Matters Most\n\nMore text.\n"
        let sentence = "# Key strategies for team success\n\nSome text.\n\n## Why feedback matters most\n\nMore text.\n"
        #expect(measurement(.titleCaseHeadings, titled).value == 1)
        #expect(measurement(.titleCaseHeadings, sentence).value == 0)
        #expect(SignalMeter.isTitleCase("Using the API With GitHub Actions"))
        #expect(!SignalMeter.isTitleCase("Using the API with GitHub actions"))
    }

    @Test func emDashes() {
        let dashes = "The fix was simple — once we saw it. The test — the flaky one — passed. It shipped."
        #expect(measurement(.emDashes, dashes).value > 100)
        #expect(measurement(.emDashes, "The fix was simple, once we saw it. The test passed.").value == 0)
    }

    @Test func fewContractions() {
        let formal = String(repeating: "The committee does not accept the proposal because it is not complete. ", count: 6)
        let casual = String(repeating: "I don't think it's done, and we can't ship what isn't ready. ", count: 6)
        let f = measurement(.fewContractions, formal), c = measurement(.fewContractions, casual)
        #expect(f.value == 0 && f.input == 1)
        #expect(c.value > 50 && c.input == 0)
    }

    @Test func impersonalVoice() {
        let impersonal = String(repeating: "The system processes requests in order and records each result. ", count: 6)
        let personal = String(repeating: "I think I broke it. Did I? I did! ", count: 6)
        #expect(measurement(.impersonalVoice, impersonal).input == 1)
        #expect(measurement(.impersonalVoice, personal).input == 0)
    }

    @Test func machineProseScoresHighHumanProseLow() {
        let machine = detector.detect(DetectionFixtures.machine)
        let human = detector.detect(DetectionFixtures.human)
        #expect(machine.score >= 80 && machine.likelyAI)
        #expect(human.score <= 30 && !human.likelyAI)
        #expect(machine.signals.map(\.name) == DetectionSignalKind.allCases.map(\.rawValue))
        #expect(machine.reliability.level == "moderate")
        #expect(detector.detect("Too short to judge.").reliability.level == "low")
    }

    @Test func spellingErrorsAreNotEvidence() {
        let clean = detector.detect(DetectionFixtures.human)
        let typos = detector.detect(DetectionFixtures.human
            .replacingOccurrences(of: "because", with: "becuase").replacingOccurrences(of: "reviewer", with: "reveiwer"))
        #expect(clean.score == typos.score)
    }

    @Test func sameInputSameOutput() {
        #expect(detector.detect(DetectionFixtures.machine) == detector.detect(DetectionFixtures.machine))
        #expect(detector.detect([DetectionFixtures.machine, DetectionFixtures.human]).map(\.score)
                == [detector.detect(DetectionFixtures.machine).score, detector.detect(DetectionFixtures.human).score])
    }

    @Test func shortTextsArePulledTowardATypicalHumanText() {
        let note = detector.detect("Moreover, we delve into the rich tapestry of data.")
        #expect(note.reliability.level == "low")
        #expect(!note.likelyAI)
        #expect(!note.flags.isEmpty)
        // The same evidence at full length is scored as fitted.
        let model = detector.model
        let inputs = detector.measure("Moreover, we delve into the rich tapestry of data.").inputs
        #expect(model.score(inputs, words: 9).score < model.score(inputs).score)
        #expect(model.score(inputs, words: 500).score == model.score(inputs).score)
    }

    @Test func thresholdDecidesTheVerdict() {
        let r = detector.detect(DetectionFixtures.human, threshold: 1)
        #expect(r.threshold == 1 && r.likelyAI == (r.score >= 1))
    }
}
