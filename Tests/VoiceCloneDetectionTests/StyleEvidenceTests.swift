import Testing
@testable import VoiceCloneDetection
import VoiceCloneTestSupport

/// The style evidence of issue 18: features, the combined fit, the human score tails, and the verdict rules.
@Suite("Style evidence and the combined model")
struct StyleEvidenceTests {
    let detector = Detector()

    @Test func functionWordsOpeningsAndClauses() {
        let text = "The cat sat on the mat. I saw it, and I laughed. Moreover, the dog slept."
        let f = StyleFeatures(text)
        // 16 words: "the" three times.
        #expect(abs((f["fw_the"] ?? 0) - 300.0 / 16) < 1e-9)
        #expect(abs((f["open_article"] ?? 0) - 1.0 / 3) < 1e-9)
        #expect(abs((f["open_pronoun"] ?? 0) - 1.0 / 3) < 1e-9)
        #expect(abs((f["open_connective"] ?? 0) - 1.0 / 3) < 1e-9)
        #expect(abs((f["commas_per_sentence"] ?? 0) - 2.0 / 3) < 1e-9)
        #expect(f.values.count == StyleFeatures.names.count)
        #expect(StyleFeatures.group(of: "fw_the") == "function_words")
        #expect(StyleFeatures.group(of: "word_log_frequency") == "word_predictability")
    }

    @Test func lexicalVarietyBurstinessAndOpeningDiversity() {
        // Words: cats sleep cats eat fish and cats sleep again (9); "cats" at 0, 2, 6.
        let f = StyleFeatures("Cats sleep. Cats eat fish and cats sleep again.")
        // One window (9 < 50 words): 6 types, 4 used once.
        #expect(abs((f["vocab_mattr"] ?? 0) - 6.0 / 9) < 1e-9)
        #expect(abs((f["vocab_hapax_share"] ?? 0) - 4.0 / 9) < 1e-9)
        // "sleep" repeats once (one gap, skipped); "cats" has gaps 2 and 4.
        #expect(abs((f["vocab_burstiness"] ?? 0) - SignalMeter.coefficientOfVariation([2, 4])) < 1e-9)
        #expect(abs((f["open_diversity"] ?? 0) - 0.5) < 1e-9)
        #expect(StyleFeatures.group(of: "vocab_mattr") == "lexical_variety")
        #expect(StyleFeatures.group(of: "open_diversity") == "sentence_openings")
        // Window-normalised: 100 distinct words and 200 distinct words both have a ratio of 1, where a plain
        // type/token ratio would already differ once any word repeats.
        let distinct = (0..<200).map { "w\($0)x" }
        #expect(StyleFeatures.windowVariety(Array(distinct[..<100])) == StyleFeatures.windowVariety(distinct))
        #expect(StyleFeatures.windowVariety(Array(repeating: "same", count: 120))[0] == 1.0 / 50)
    }

    @Test func repeatedPhrasingIsMeasuredPerWindowNotPerText() {
        // 11 words, "we are proud to" twice: trigrams "we are proud" and "are proud to" come back (2 of 9 trigrams).
        let f = StyleFeatures("We are proud to help. We are proud to serve you.")
        #expect(abs((f["vocab_repeated_trigrams"] ?? 0) - 2.0 / 9) < 1e-9)
        #expect(StyleFeatures.group(of: "vocab_repeated_trigrams") == "lexical_variety")
        // Varied wording repeats nothing.
        #expect(StyleFeatures("The rain stopped before noon and the market opened late.")["vocab_repeated_trigrams"] == 0)
        // A phrase that comes back within 100 words counts; the same phrase 200 words later does not, and a long text
        // of distinct words is not pushed up by its length.
        let filler = (0..<200).map { "w\($0)x" }
        let near = ["one", "two", "three"] + Array(filler[..<40]) + ["one", "two", "three"]
        let far = ["one", "two", "three"] + filler + ["one", "two", "three"]
        #expect(StyleFeatures.repeatedTrigrams(near) > 0)
        #expect(StyleFeatures.repeatedTrigrams(far) == 0)
        #expect(StyleFeatures.repeatedTrigrams(filler) == 0)
        #expect(StyleFeatures.repeatedTrigrams(Array(repeating: "same", count: 300)) == 97.0 / 98)
    }

    @Test func wordsOutsideGeneralEnglishAreSkippedNotCounted() {
        let plain = StyleFeatures("The people went home after the long day at work.")
        let withTypos = StyleFeatures("The people went home after the long day at work xqzvbt.")
        #expect(plain["word_log_frequency"] == withTypos["word_log_frequency"])
        #expect(plain["word_top100_share"] == withTypos["word_top100_share"])
    }

    @Test func humanTailReadsAsOneInN() {
        let logits = (0..<1000).map { Double($0) / 100 }   // 0.00 … 9.99
        let tail = HumanScoreTail.fit(minimumWords: 80, logits: logits)
        #expect(tail.share(atOrAbove: -1) == 1)
        #expect(tail.share(atOrAbove: 9.8) == 0.02)
        #expect(tail.share(atOrAbove: 10) == 0.001)
        #expect(Detector.rarity(0.02, withheld: false) == " About 1 in 50 human texts of this length score this high.")
        #expect(Detector.rarity(1, withheld: true).contains("no verdict"))
    }

    static func examples(_ machine: Bool, _ count: Int) -> [CombinedFit.Example] {
        (0..<count).map { k in
            let text = machine
                ? "Moreover, the system ensures robust results. Additionally, the framework provides seamless integration. Furthermore, it enhances efficiency \(k)."
                : "I tried it on Monday and it broke. So I fixed it, sort of, and we went for lunch. It's fine now, I think \(k)."
            let m = Detector().measure(text)
            return CombinedFit.Example(inputs: m.inputs, style: StyleFeatures(text), machine: machine, words: m.words)
        }
    }

    @Test func theFitSeparatesAndIsDeterministic() throws {
        let data = Self.examples(true, 12) + Self.examples(false, 12)
        let a = CombinedFit.fit(data, steps: 300, trainedOn: "fixtures")
        let b = CombinedFit.fit(data, steps: 300, trainedOn: "fixtures")
        #expect(a.serialized() == b.serialized())
        #expect(a.weights.values.allSatisfy { $0 >= 0 })
        let machine = a.judge(inputs: data[0].inputs, style: data[0].style).logit
        let human = a.judge(inputs: data[12].inputs, style: data[12].style).logit
        #expect(machine > human)
        // The file keeps everything: weights, means, scales, tails.
        var calibrated = a
        CombinedFit.calibrate(&calibrated, humanSets: [("fixture humans", Array(data[12...]))])
        let again = try DetectionModel.parse(calibrated.serialized())
        #expect(again.serialized() == calibrated.serialized())
        #expect(again.style != nil && again.humanTails.count == CombinedFit.lengthBands.count)
    }

    @Test func theThresholdKeepsEveryHumanSetUnderTheTarget() {
        let data = Self.examples(true, 12) + Self.examples(false, 12)
        var model = CombinedFit.fit(data, steps: 300, trainedOn: "fixtures")
        // Long human texts (80+ words) with varied evidence.
        let humans = (0..<40).map { k -> CombinedFit.Example in
            let text = String(repeating: "I went out on day \(k) and it rained, so I came back. ", count: 7 + k % 5)
                + (k % 7 == 0 ? "Moreover, the framework ensures seamless results. Additionally, it enhances efficiency." : "")
            let m = Detector().measure(text)
            return CombinedFit.Example(inputs: m.inputs, style: StyleFeatures(text), machine: false, words: m.words)
        }
        #expect(humans.allSatisfy { $0.words >= CombinedFit.verdictWords })
        CombinedFit.calibrate(&model, humanSets: [("humans", humans)], falsePositiveTarget: 0.02)
        let flagged = humans.filter { model.judge(inputs: $0.inputs, style: $0.style).score >= model.threshold }.count
        #expect(flagged == 0)   // 2% of 40 rounds down to none allowed
        #expect(model.threshold >= 50)
    }

    @Test func shortTextsGetAWideBandAndNoVerdict() {
        let short = detector.detect("Moreover, we delve into the rich tapestry of data. Additionally, it is seamless.", threshold: 1)
        #expect(short.verdictWithheld && !short.likelyAI)
        #expect(short.meaning.contains("no verdict"))
        let long = detector.detect(DetectionFixtures.machine)
        #expect(!long.verdictWithheld)
        let width = { (r: DetectionResult) in (r.band?.high ?? 0) - (r.band?.low ?? 0) }
        #expect(short.band != nil && long.band != nil)
        #expect(width(short) >= width(long))
        #expect(long.meaning.contains("human texts of this length"))
        #expect(long.style.map(\.name) == StyleFeatures.groups.map(\.name))
    }

    @Test func bundledModelCarriesStyleWeightsAndCalibration() {
        let model = DetectionModel.bundled
        #expect(model.style != nil)
        #expect(!model.humanTails.isEmpty)
        #expect(model.threshold >= 50 && model.threshold <= 99)
    }

    /// A short casual paragraph written for this test: four sentences that all open differently and no content word
    /// used three times, as most 80-word human paragraphs are.
    static let shortHuman = "Went to the market early because the bus was late again. My sister wanted plums, so we queued "
        + "for ages. Honestly the stall owner remembered us from last week and threw in two extra. By noon we were home, "
        + "tired and sticky, arguing about jam and whose turn it was to wash the pans."

    @Test func aShortTextsUnmeasurableFeaturesDoNotPushTowardMachine() throws {
        let f = StyleFeatures(Self.shortHuman)
        #expect(!f.isMeasurable("vocab_burstiness") && !f.isMeasurable("open_diversity"))
        #expect(f.isMeasurable("sentence_spread") && f.isMeasurable("clause_spread") && f.isMeasurable("fw_the"))
        // The formula's values are the extremes ("no clustering", "every opening different")…
        #expect(f["vocab_burstiness"] == 0 && f["open_diversity"] == 1)
        // …which a model that learnt them from short machine texts reads as machine (low burstiness, high variety).
        let n = StyleFeatures.names.count
        let burst = try #require(StyleFeatures.index["vocab_burstiness"]), open = try #require(StyleFeatures.index["open_diversity"])
        var weights = [Double](repeating: 0, count: n), means = [Double](repeating: 0, count: n)
        var humanMeans = [Double](repeating: 0, count: n)
        weights[burst] = -1; means[burst] = 0.8; humanMeans[burst] = 0.9
        weights[open] = 1; means[open] = 0.7; humanMeans[open] = 0.65
        let style = StyleWeights(weights: weights, means: means, scales: .init(repeating: 0.2, count: n), humanMeans: humanMeans)
        let typical = style.judgedLogit(humanMeans, writer: nil).logit
        #expect(style.judgedLogit(f.values, writer: nil).logit > typical + 5)
        // Read as not measurable, they count as the typical person: no push either way.
        let judged = style.judgedLogit(style.filled(f), writer: nil)
        #expect(abs(judged.logit - typical) < 1e-12)
        #expect(abs(judged.groups["lexical_variety"] ?? 1) < 1e-12 && abs(judged.groups["sentence_openings"] ?? 1) < 1e-12)
        // A long text that repeats itself is measured as it is.
        let long = StyleFeatures(String(repeating: "The river rose. The river fell. The river rose again. ", count: 4))
        #expect(long.isMeasurable("vocab_burstiness") && long.isMeasurable("open_diversity"))
    }

    @Test func theFitReadsAnUnmeasurableFeatureAsTheTypicalHumanValue() throws {
        // Humans measured at 0.8 burstiness; the machine texts too short to measure it (formula value 0). Read naively,
        // the feature alone would separate them; read as unmeasurable, it is constant and earns no weight.
        let i = try #require(StyleFeatures.index["vocab_burstiness"])
        let examples = (0..<20).map { k -> CombinedFit.Example in
            let machine = k % 2 == 0
            var values = [Double](repeating: 0, count: StyleFeatures.names.count)
            values[0] = machine ? 1 : 0   // one real difference elsewhere
            values[i] = machine ? 0 : 0.8
            return CombinedFit.Example(inputs: [:], style: StyleFeatures(values: values, unmeasurable: machine ? [i] : []),
                                       machine: machine, words: 80)
        }
        let model = CombinedFit.fit(examples, steps: 200, trainedOn: "fixtures")
        let style = try #require(model.style)
        #expect(abs(style.humanMeans[i] - 0.8) < 1e-12)
        #expect(abs(style.weights[i]) < 1e-9)
        #expect(style.weights[0] > 0)
    }

    @Test func aWritersAverageSkipsSamplesTooShortToMeasure() throws {
        let long = String(repeating: "The river rose. The river fell. The river rose again. ", count: 4)
        let both = try #require(StyleFeatures.average([Self.shortHuman, long]))
        let alone = StyleFeatures(long)
        #expect(both.isMeasurable("vocab_burstiness"))
        #expect(abs((both["vocab_burstiness"] ?? 0) - (alone["vocab_burstiness"] ?? 1)) < 1e-12)
        #expect(try #require(StyleFeatures.average([Self.shortHuman])).isMeasurable("vocab_burstiness") == false)
    }
}
