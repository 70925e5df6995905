import Testing
@testable import VoiceCloneGeneration

@Suite struct StyleSteeringTests {
    private func sentenceLengths(_ text: String) -> [Int] {
        text.split(whereSeparator: { ".!?…".contains($0) })
            .map { WordHasher.words(String($0)).count }
            .filter { $0 > 0 }
    }

    private func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(max(values.count, 1)) }

    @Test func shortSentenceStyleWritesShorterSentences() throws {
        let short = try LocalEngine(
            samples: GenerationFixtures.samples,
            style: StyleTargets(sentenceLength: SentenceLengthTarget(mean: 5, standardDeviation: 1.5)))
        let long = try LocalEngine(
            samples: GenerationFixtures.samples,
            style: StyleTargets(sentenceLength: SentenceLengthTarget(mean: 22, standardDeviation: 4)))
        var shortLengths: [Int] = [], longLengths: [Int] = []
        for seed in UInt64(1)...3 {
            let request = GenerationRequest(prompt: "mornings", length: .words(200), seed: seed)
            shortLengths += sentenceLengths(try short.write(request).text)
            longLengths += sentenceLengths(try long.write(request).text)
        }
        #expect(mean(shortLengths) + 5 < mean(longLengths), "short \(mean(shortLengths)), long \(mean(longLengths))")
        #expect(mean(shortLengths) < 9)
    }

    @Test func histogramIsFollowed() throws {
        let engine = try LocalEngine(
            samples: GenerationFixtures.samples,
            style: StyleTargets(sentenceLength: SentenceLengthTarget(
                mean: 7, standardDeviation: 2, histogram: [.init(lower: 4, upper: 8, share: 1)])))
        let lengths = sentenceLengths(try engine.write(GenerationRequest(prompt: "coffee", length: .words(200), seed: 2)).text)
        let inRange = lengths.filter { (3...11).contains($0) }.count
        #expect(Double(inRange) / Double(lengths.count) > 0.7, "\(lengths)")
    }

    @Test func punctuationTargetsAreSteered() throws {
        let noCommas = try LocalEngine(
            samples: GenerationFixtures.samples,
            style: StyleTargets(punctuationPer1000Words: PunctuationRates(comma: 0, emDash: 0)))
        let manyCommas = try LocalEngine(
            samples: GenerationFixtures.samples,
            style: StyleTargets(punctuationPer1000Words: PunctuationRates(comma: 90)))
        var few = 0, many = 0, dashes = 0
        for seed in UInt64(1)...3 {
            let request = GenerationRequest(prompt: "writing habits", length: .words(250), seed: seed)
            let a = try noCommas.write(request).text, b = try manyCommas.write(request).text
            few += a.filter { $0 == "," }.count
            dashes += a.filter { $0 == "—" }.count
            many += b.filter { $0 == "," }.count
        }
        #expect(few * 3 < many, "few \(few), many \(many)")
        #expect(dashes <= 2)
    }

    @Test func contractionRateZeroExpandsContractions() throws {
        let formal = try LocalEngine(samples: GenerationFixtures.samples, style: StyleTargets(contractionRate: 0))
        let text = try formal.write(GenerationRequest(prompt: "mornings", length: .words(250), seed: 6)).text.lowercased()
        for contraction in ["don't", "can't", "i'm", "it's", "that's", "i've", "doesn't", "you're"] {
            #expect(!text.contains(contraction), "found \(contraction)")
        }
        #expect(text.contains(" not ") || text.contains(" am ") || text.contains(" is "))
    }

    @Test func measuredStyleReflectsTheSamples() throws {
        let engine = try LocalEngine(samples: GenerationFixtures.samples)
        let measured = engine.measuredStyle
        let length = try #require(measured.sentenceLength)
        #expect(length.mean > 5 && length.mean < 14)
        #expect((measured.contractionRate ?? 0) > 0.6)
        #expect((measured.punctuationPer1000Words.emDash ?? 0) > 5)
        #expect((measured.oneLineParagraphRate ?? 0) > 0)
        #expect(measured.openers["i"] != nil)
        #expect(engine.style == measured)
    }

    @Test func paragraphHabitsAreMeasuredExactly() throws {
        let text = """
        One line here, and it is the whole paragraph, which is fine by me today.

        Two sentences follow now. They make a paragraph of two sentences for the count.

        Another single sentence closes this small sample of text for the measuring test.
        """
        let measured = try LocalEngine(samples: [text]).measuredStyle
        #expect(abs((measured.oneLineParagraphRate ?? 0) - 2.0 / 3) < 1e-9)
        #expect(abs((measured.sentencesPerParagraph ?? 0) - 4.0 / 3) < 1e-9)
        // 15 + 4 + 10 + 13 = 42 words in 4 sentences; 2 commas in 42 words = 47.619 per 1,000 (kept to 2 decimals).
        #expect(abs((measured.sentenceLength?.mean ?? 0) - 10.5) < 1e-9)
        #expect(abs((measured.punctuationPer1000Words.comma ?? 0) - 47.62) < 1e-9)
    }

    @Test func spellingIsConvertedBothWays() {
        let uk = SpellingRewriter(preference: .uk).rewrite(["My", "favorite", "color", "is", "Gray", "organized"])
        #expect(uk == ["My", "favourite", "colour", "is", "Grey", "organised"])
        let us = SpellingRewriter(preference: .us).rewrite(["the", "centre", "of", "realisation"])
        #expect(us == ["the", "center", "of", "realization"])
    }

    @Test func ukSpellingTargetRewritesOutput() throws {
        let samples = GenerationFixtures.samples + [
            "My favorite color is gray. I organized the center of the room around it, and I realized it works.",
        ]
        let engine = try LocalEngine(samples: samples, style: StyleTargets(spelling: .uk))
        for seed in UInt64(1)...4 {
            let text = try engine.write(GenerationRequest(prompt: "favorite color", length: .words(150), seed: seed))
                .text.lowercased()
            for us in ["favorite", "color", "gray", "organized", "center", "realized"] {
                #expect(!WordHasher.words(text).contains { $0 == us }, "\(us) in \(text)")
            }
        }
    }

    @Test func styleTargetsRoundTripAsJSON() throws {
        let style = StyleTargets(
            sentenceLength: SentenceLengthTarget(mean: 12.5, standardDeviation: 4, histogram: [.init(lower: 1, upper: 5, share: 0.2)]),
            punctuationPer1000Words: PunctuationRates(comma: 40, emDash: 3), sentencesPerParagraph: 2.5,
            oneLineParagraphRate: 0.3, contractionRate: 0.7, openers: ["so": 0.05], spelling: .uk)
        let data = try JSONEncoder().encode(style)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"em_dash\"") && json.contains("\"sentence_length\""))
        #expect(try JSONDecoder().decode(StyleTargets.self, from: data) == style)
    }
}

import Foundation
import VoiceCloneTestSupport
